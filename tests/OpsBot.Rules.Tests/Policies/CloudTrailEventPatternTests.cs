using System.Text.Json;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Tests.Policies;

public class CloudTrailEventPatternTests
{
    [Fact]
    public void The_pattern_names_every_event_and_service_the_policies_trigger_on()
    {
        var policies = PolicySet.Load(RepositoryPaths.Policies);

        using var pattern = JsonDocument.Parse(CloudTrailEventPattern.For(policies));

        var names = pattern.RootElement.GetProperty("detail").GetProperty("eventName").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        Assert.Equal(policies.Triggers.Select(t => t.Event).ToHashSet(), names);
        Assert.Equal(["aws.cloudtrail", "aws.ec2", "aws.rds", "aws.s3"], pattern.RootElement.GetProperty("source").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AWS API Call via CloudTrail"], pattern.RootElement.GetProperty("detail-type").EnumerateArray().Select(e => e.GetString()));
    }
}
