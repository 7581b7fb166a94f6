using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Tests.Resources.S3Bucket;

public class BucketActionPlanTests
{
    private static readonly GrantFact Owner = new() { GranteeType = "CanonicalUser", Id = "abc", Permission = "FULL_CONTROL" };
    private static readonly GrantFact Everyone = new() { GranteeType = "Group", Uri = GrantFact.AllUsersUri, Permission = "READ" };

    private static Policy Policy(string id) => PolicySet.Load(RepositoryPaths.Policies).Find(id)!;

    [Fact]
    public void Plans_to_remove_only_the_public_grants_among_the_matched_ones()
    {
        var decision = new PolicyDecision(Policy("s3-bucket-public-acl"), "example-reports", [Owner, Everyone], []);

        var plan = new RemovePublicAclGrants().Plan(decision);

        Assert.True(plan.IsRunnable);
        Assert.Equal([Everyone], plan.Elements);
        Assert.Empty(plan.Revoke);
    }

    [Fact]
    public void Holds_a_plan_with_no_public_grant_to_remove()
    {
        var decision = new PolicyDecision(Policy("s3-bucket-public-acl"), "example-reports", [Owner], []);

        Assert.False(new RemovePublicAclGrants().Plan(decision).IsRunnable);
    }

    [Fact]
    public void Putting_the_public_access_block_back_acts_on_the_bucket_and_none_of_the_matched_grants()
    {
        var decision = new PolicyDecision(Policy("s3-bucket-public-access-block-off"), "example-reports", [Owner], []);

        var plan = new PutPublicAccessBlock().Plan(decision);

        Assert.True(plan.IsRunnable);
        Assert.Equal(("put-public-access-block", "example-reports"), (plan.Action, plan.ResourceId));
        Assert.Empty(plan.Elements);
    }
}
