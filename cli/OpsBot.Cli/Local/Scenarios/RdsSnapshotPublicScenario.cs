using System.Globalization;
using System.Text.Json.Nodes;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member makes a manual DB snapshot restorable by 'all' beside the partner account it was shared
/// with; the runner removes 'all' and only 'all' through the assumed role, alerts and audits with
/// the attribute's earlier values kept for undo.
/// </summary>
public sealed class RdsSnapshotPublicScenario : IDemoScenario
{
    private const string Partner = "210987654321";

    /// <inheritdoc />
    public string Name => "rds-snapshot-public";

    /// <inheritdoc />
    public string ResourceType => DbSnapshotResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "A DB snapshot made restorable by 'all': 'all' is removed, the partner account's share stays.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: 'all' removed from the DB snapshot's restore attribute, the partner account kept, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var rds = run.Topology.Runtime.Clients.CreateSigned(run.Topology.MemberCredentials).CreateService("rds", "RDS", run.Region);
        var snapshots = new RdsSnapshotClient(rds);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var instance = $"demo-orders-{stamp}";
        var snapshot = $"demo-orders-snap-{stamp}";
        await CreateAsync(rds, "CreateDBInstance", [new("DBInstanceIdentifier", instance), new("DBInstanceClass", "db.t3.micro"), new("Engine", "postgres"),
            new("MasterUsername", "demo_admin"), new("MasterUserPassword", "demo-password-not-real"), new("AllocatedStorage", "20")], cancellationToken);
        await CreateAsync(rds, "CreateDBSnapshot", [new("DBSnapshotIdentifier", snapshot), new("DBInstanceIdentifier", instance)], cancellationToken);
        await snapshots.ModifyRestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot, [Partner, RestorePermissionFact.All], [], cancellationToken);
        await ShowAsync(snapshots, snapshot, $"DB snapshot {snapshot} made restorable by every AWS account:", run.Timeline, cancellationToken);

        var request = new JsonObject { ["dBSnapshotIdentifier"] = snapshot, ["attributeName"] = "restore", ["valuesToAdd"] = new JsonArray("all") };
        var response = new JsonObject
        {
            ["dBSnapshotIdentifier"] = snapshot,
            ["dBSnapshotAttributes"] = new JsonArray(new JsonObject { ["attributeName"] = "restore", ["attributeValues"] = new JsonArray(Partner, "all") }),
        };
        await run.SendAsync("aws.rds", CloudTrailRecord.Write(run.Account, run.Region, "rds.amazonaws.com", "ModifyDBSnapshotAttribute", request, response, "[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/rds.modify-db-snapshot-attribute]"), cancellationToken);

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

    private static async Task<IReadOnlyList<string>> ShowAsync(RdsSnapshotClient snapshots, string snapshot, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var restore = (await snapshots.ReadAsync(RdsSnapshotKind.DbSnapshot, snapshot, cancellationToken))?.Restore ?? [];
        timeline.Step("member", heading);
        foreach (var value in restore)
        {
            timeline.Detail($"restorable by {value}");
        }

        return restore;
    }
}
