using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources.NetworkAcl;
using static OpsBot.Rules.Tests.Resources.NetworkAcl.Entries;

namespace OpsBot.Rules.Tests.Resources.NetworkAcl;

public class DeleteNetworkAclEntryTests
{
    private static Policy Policy => PolicySet.Load(RepositoryPaths.Policies).Find("ec2-nacl-internet-admin-db-ports")!;

    [Fact]
    public void Plans_to_delete_only_the_matched_allow_entries()
    {
        var allow = Allow(100, "0.0.0.0/0", 22, 22);
        var deny = Deny(90, "0.0.0.0/0", 23, 23);

        var plan = new DeleteNetworkAclEntry().Plan(new PolicyDecision(Policy, "acl-1", [deny, allow], []));

        Assert.True(plan.IsRunnable);
        Assert.Equal([allow], plan.Elements);
    }

    [Fact]
    public void Never_plans_to_delete_a_deny_or_the_default_entry()
    {
        var defaultAllow = AllTraffic(32767, "0.0.0.0/0", "allow");

        var plan = new DeleteNetworkAclEntry().Plan(new PolicyDecision(Policy, "acl-1", [Deny(90, "0.0.0.0/0", 22, 22), defaultAllow], []));

        Assert.False(plan.IsRunnable);
    }
}
