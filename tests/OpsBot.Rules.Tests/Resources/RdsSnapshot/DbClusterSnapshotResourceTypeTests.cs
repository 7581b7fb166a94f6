using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Rules.Tests.Resources.RdsSnapshot;

public class DbClusterSnapshotResourceTypeTests
{
    private static readonly DbClusterSnapshotResourceType Type = new();

    [Fact]
    public void Reads_the_cluster_shape_of_describe_db_cluster_snapshot_attributes()
    {
        var snapshot = Assert.Single(Type.Read("""
            {
              "DBClusterSnapshotAttributesResult": {
                "DBClusterSnapshotIdentifier": "billing",
                "DBClusterSnapshotAttributes": [{"AttributeName": "restore", "AttributeValues": ["all"]}]
              }
            }
            """, null));

        Assert.Equal("billing", snapshot.Identifier);
        Assert.True(snapshot.IsPublic);
    }

    [Fact]
    public void The_remove_action_plans_only_the_public_value_among_the_matched_ones()
    {
        RestorePermissionFact partner = new() { Value = "210987654321" }, all = new() { Value = "all" };
        var policy = PolicySet.Load(RepositoryPaths.Policies).Find("rds-cluster-snapshot-public")!;

        var plan = new RemovePublicDbClusterSnapshotRestore().Plan(new PolicyDecision(policy, "billing", [partner, all], []));
        var held = new RemovePublicDbClusterSnapshotRestore().Plan(new PolicyDecision(policy, "billing", [partner], []));

        Assert.Equal([all], plan.Elements);
        Assert.True(plan.IsRunnable);
        Assert.False(held.IsRunnable);
    }
}
