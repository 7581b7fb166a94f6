using System.Text.Json.Nodes;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// DB instances, clusters and their manual snapshots in the member account of a
/// <see cref="SlackApprovalWorld"/> running the shipped policies (created over the RDS Query API as
/// the remediation role), and the shipped CloudTrail fixtures of RDS calls re-aimed at them.
/// </summary>
internal sealed class RdsSnapshotWorld : IAsyncDisposable
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private RdsSnapshotWorld(SlackApprovalWorld slack, SignedServiceClient memberRds)
    {
        Slack = slack;
        MemberRds = memberRds;
        Snapshots = new RdsSnapshotClient(memberRds);
    }

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>RDS in the member account, as the remediation role.</summary>
    public SignedServiceClient MemberRds { get; }

    /// <summary>The snapshot operations, in the member account.</summary>
    public RdsSnapshotClient Snapshots { get; }

    public static async Task<RdsSnapshotWorld> CreateAsync(MotoServer moto)
    {
        var slack = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        var rds = slack.Runtime.Clients.CreateSigned(slack.World.MemberCredentials).CreateService("rds", "RDS", RemediationWorld.Region);
        return new RdsSnapshotWorld(slack, rds);
    }

    /// <summary>Creates a DB instance and a manual snapshot of it, tagged <paramref name="tags"/>; returns the snapshot identifier.</summary>
    public async Task<string> CreateDbSnapshotAsync(string prefix, params (string Key, string Value)[] tags)
    {
        var instance = Name(prefix + "-db");
        await CallAsync("CreateDBInstance", ("DBInstanceIdentifier", instance), ("DBInstanceClass", "db.t3.micro"), ("Engine", "postgres"),
            ("MasterUsername", "admin_user"), ("MasterUserPassword", "not-a-real-password-1"), ("AllocatedStorage", "20"));
        var snapshot = Name(prefix);
        await CallAsync("CreateDBSnapshot", [("DBSnapshotIdentifier", snapshot), ("DBInstanceIdentifier", instance), .. Tags(tags)]);
        return snapshot;
    }

    /// <summary>Creates an Aurora cluster and a manual snapshot of it, tagged <paramref name="tags"/>; returns the snapshot identifier.</summary>
    public async Task<string> CreateDbClusterSnapshotAsync(string prefix, params (string Key, string Value)[] tags)
    {
        var cluster = Name(prefix + "-cl");
        await CallAsync("CreateDBCluster", ("DBClusterIdentifier", cluster), ("Engine", "aurora-postgresql"),
            ("MasterUsername", "admin_user"), ("MasterUserPassword", "not-a-real-password-1"));
        var snapshot = Name(prefix);
        await CallAsync("CreateDBClusterSnapshot", [("DBClusterSnapshotIdentifier", snapshot), ("DBClusterIdentifier", cluster), .. Tags(tags)]);
        return snapshot;
    }

    /// <summary>The snapshot's restore values, sorted.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(RdsSnapshotKind kind, string snapshot) =>
        [.. (await Snapshots.ReadAsync(kind, snapshot, CancellationToken.None))!.Restore.Order(StringComparer.Ordinal)];

    /// <summary>Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c>, aimed at <paramref name="snapshot"/>, through the pipeline.</summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, string snapshot)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", fixture + ".json")))!;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        var request = detail["requestParameters"]!.AsObject();
        var key = request.ContainsKey("dBClusterSnapshotIdentifier") ? "dBClusterSnapshotIdentifier" : "dBSnapshotIdentifier";
        request[key] = snapshot;
        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync()
    {
        MemberRds.Dispose();
        await Slack.DisposeAsync();
    }

    private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static IEnumerable<(string, string)> Tags((string Key, string Value)[] tags) =>
        tags.SelectMany((t, i) => new[] { ($"Tags.Tag.{i + 1}.Key", t.Key), ($"Tags.Tag.{i + 1}.Value", t.Value) });

    // A create whose first answer was lost to a timeout is retried and then finds its resource there.
    private async Task CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        try
        {
            await MemberRds.PostQueryAsync(action, [new("Version", RdsSnapshotClient.ApiVersion), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))], CancellationToken.None);
        }
        catch (AwsCallException ex) when (ex.Attempts > 1 && ex.ErrorCode.EndsWith("AlreadyExists", StringComparison.Ordinal))
        {
        }
    }
}
