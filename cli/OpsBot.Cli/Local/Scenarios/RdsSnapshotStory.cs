using System.Globalization;
using System.Text.Json.Nodes;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// The story both snapshot scenarios tell: a member makes a manual snapshot restorable by 'all'
/// beside the partner account it was shared with; the runner removes 'all' and only 'all' through
/// the assumed role, alerts and audits with the attribute's earlier values kept for undo.
/// </summary>
/// <param name="kind">DB snapshots or DB cluster snapshots.</param>
internal sealed class RdsSnapshotStory(RdsSnapshotKind kind)
{
    private const string Partner = "210987654321";

    private bool IsCluster => kind == RdsSnapshotKind.DbClusterSnapshot;

    private string Noun => IsCluster ? "DB cluster snapshot" : "DB snapshot";

    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var rds = run.Topology.Runtime.Clients.CreateSigned(run.Topology.MemberCredentials).CreateService("rds", "RDS", run.Region);
        var snapshots = new RdsSnapshotClient(rds);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var source = $"demo-orders-{stamp}";
        var snapshot = $"demo-orders-snap-{stamp}";
        if (IsCluster)
        {
            await CreateAsync(rds, "CreateDBCluster", [new("DBClusterIdentifier", source), new("Engine", "aurora-postgresql"),
                new("MasterUsername", "demo_admin"), new("MasterUserPassword", "demo-password-not-real")], cancellationToken);
            await CreateAsync(rds, "CreateDBClusterSnapshot", [new("DBClusterSnapshotIdentifier", snapshot), new("DBClusterIdentifier", source)], cancellationToken);
        }
        else
        {
            await CreateAsync(rds, "CreateDBInstance", [new("DBInstanceIdentifier", source), new("DBInstanceClass", "db.t3.micro"), new("Engine", "postgres"),
                new("MasterUsername", "demo_admin"), new("MasterUserPassword", "demo-password-not-real"), new("AllocatedStorage", "20")], cancellationToken);
            await CreateAsync(rds, "CreateDBSnapshot", [new("DBSnapshotIdentifier", snapshot), new("DBInstanceIdentifier", source)], cancellationToken);
        }

        await snapshots.ModifyRestoreAsync(kind, snapshot, [Partner, RestorePermissionFact.All], [], cancellationToken);
        await ShowAsync(snapshots, snapshot, $"{Noun} {snapshot} made restorable by every AWS account:", run.Timeline, cancellationToken);

        var id = "d" + kind.Identifier[1..];
        var request = new JsonObject { [id] = snapshot, ["attributeName"] = "restore", ["valuesToAdd"] = new JsonArray("all") };
        var response = new JsonObject
        {
            [id] = snapshot,
            ["d" + kind.Stem[1..] + "Attributes"] = new JsonArray(new JsonObject { ["attributeName"] = "restore", ["attributeValues"] = new JsonArray(Partner, "all") }),
        };
        var command = IsCluster ? "modify-db-cluster-snapshot-attribute" : "modify-db-snapshot-attribute";
        await run.SendAsync("aws.rds", CloudTrailRecord.Write(run.Account, run.Region, "rds.amazonaws.com", kind.ModifyAttribute, request, response, $"[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/rds.{command}]"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        var restore = await ShowAsync(snapshots, snapshot, $"{snapshot} restore attribute now:", run.Timeline, cancellationToken);
        if (restore.Contains(RestorePermissionFact.All, StringComparer.Ordinal))
        {
            problems.Add("'all' was not removed from the restore attribute");
        }

        if (!restore.Contains(Partner, StringComparer.Ordinal))
        {
            problems.Add("the partner account's share was removed although no policy forbids it");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static async Task CreateAsync(SignedServiceClient rds, string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        parameters.Insert(0, new("Version", RdsSnapshotClient.ApiVersion));
        try
        {
            await rds.PostQueryAsync(action, parameters, cancellationToken);
        }
        catch (AwsCallException ex) when (ex.Attempts > 1 && ex.ErrorCode.EndsWith("AlreadyExists", StringComparison.Ordinal))
        {
            // The first attempt made it and lost its answer.
        }
    }

    private async Task<IReadOnlyList<string>> ShowAsync(RdsSnapshotClient snapshots, string snapshot, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var restore = (await snapshots.ReadAsync(kind, snapshot, cancellationToken))?.Restore ?? [];
        timeline.Step("member", heading);
        foreach (var value in restore)
        {
            timeline.Detail($"restorable by {value}");
        }

        return restore;
    }
}
