using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Tests.Resources.S3Bucket;

public class GrantFactTests
{
    [Theory]
    [InlineData(GrantFact.AllUsersUri)]
    [InlineData(GrantFact.AuthenticatedUsersUri)]
    public void A_grant_to_everyone_or_to_every_aws_account_is_public(string uri) =>
        Assert.True(new GrantFact { GranteeType = "Group", Uri = uri, Permission = "READ" }.IsPublic);

    [Fact]
    public void A_grant_to_the_log_delivery_group_or_to_an_account_is_not_public()
    {
        Assert.False(new GrantFact { GranteeType = "Group", Uri = "http://acs.amazonaws.com/groups/s3/LogDelivery", Permission = "WRITE" }.IsPublic);
        Assert.False(new GrantFact { GranteeType = "CanonicalUser", Id = "abc", Permission = "FULL_CONTROL" }.IsPublic);
    }
}
