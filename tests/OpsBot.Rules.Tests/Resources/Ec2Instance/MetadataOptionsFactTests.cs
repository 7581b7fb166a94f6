using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Rules.Tests.Resources.Ec2Instance;

public class MetadataOptionsFactTests
{
    [Theory]
    [InlineData("optional", "enabled", true)]
    [InlineData("required", "enabled", false)]
    [InlineData("optional", "disabled", false)]
    public void IMDSv1_is_allowed_only_when_tokens_are_not_required_and_the_endpoint_is_enabled(string tokens, string endpoint, bool allowed) =>
        Assert.Equal(allowed, new MetadataOptionsFact { InstanceId = "i-1", HttpTokens = tokens, HttpEndpoint = endpoint }.IsV1Allowed);
}
