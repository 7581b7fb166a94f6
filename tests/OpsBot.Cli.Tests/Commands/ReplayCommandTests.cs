using System.IO.Compression;
using System.Text.Json.Nodes;

namespace OpsBot.Cli.Tests.Commands;

/// <summary>
/// <c>opsbot replay</c> on the two places a user gets CloudTrail history: a CloudTrail log file
/// (<c>{"Records":[…]}</c>, gzipped as S3 stores it) and <c>aws cloudtrail lookup-events</c> output
/// (each record a JSON string), both built from the shipped real-shaped CloudTrail records.
/// </summary>
public sealed class ReplayCommandTests : IDisposable
{
    private static readonly string[] History =
    [
        "authorize-ssh-https-world",               // SSH to the world: admin ports, enforced
        "authorize-https-world",                   // HTTPS only: evaluated, nothing matches
        "authorize-ssh-failed-call",               // the call failed: skipped
        "s3-put-bucket-acl-all-users-single-grant", // public ACL, enforced
        "s3-put-bucket-policy-public-read",        // public policy: held for approval
        "s3-put-bucket-policy-restricted",         // restricted by a condition: no match
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-replay-").FullName;

    [Fact]
    public async Task A_gzipped_cloudtrail_log_file_gives_the_expected_counts_per_policy()
    {
        var file = Path.Combine(_folder, "111111111111_CloudTrail_eu-west-1_20261120T1000Z_abc.json.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = new JsonArray([.. Records()]) }.ToJsonString()));
        }

        var run = await CliRun.Of("replay", "--policies", RepositoryPaths.Policies, "--json", _folder);

        AssertExpectedCounts(run);
    }

    [Fact]
    public async Task Lookup_events_output_gives_the_same_counts()
    {
        var events = new JsonArray([.. Records().Select(r => (JsonNode)new JsonObject
        {
            ["EventId"] = r["eventID"]!.GetValue<string>(),
            ["EventName"] = r["eventName"]!.GetValue<string>(),
            ["CloudTrailEvent"] = r.ToJsonString(),
        })]);
        var file = Path.Combine(_folder, "lookup-events.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["Events"] = events }.ToJsonString());

        var run = await CliRun.Of("replay", "--policies", RepositoryPaths.Policies, "--json", file);

        AssertExpectedCounts(run);
    }

    [Fact]
    public async Task The_text_report_names_the_policies_that_never_fired()
    {
        var file = Path.Combine(_folder, "one.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["Records"] = new JsonArray(Records().First()) }.ToJsonString());

        var run = await CliRun.Of("replay", "--policies", RepositoryPaths.Policies, file);

        Assert.Equal(0, run.ExitCode);
        // Every shipped policy but the one the SSH event fires, by name, sorted.
        var shipped = OpsBot.Rules.Policies.PolicySet.Load(RepositoryPaths.Policies).All.Select(p => p.Id).Where(id => id != "ec2-sg-admin-ports-public").Order(StringComparer.Ordinal).ToList();
        Assert.Contains($"never fired ({shipped.Count}): {string.Join(", ", shipped)}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_bad_input()
    {
        var run = await CliRun.Of("replay", Path.Combine(_folder, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file or directory", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<JsonNode> Records() =>
        History.Select(name => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture(Path.Combine("events", name + ".json")))))
            .Select(envelope => envelope!["detail"]!.DeepClone());

    private static void AssertExpectedCounts(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal((6, 5, 1), (report["events"]!.GetValue<int>(), report["evaluated"]!.GetValue<int>(), report["skipped"]!["failed-call"]!.GetValue<int>()));
        var counts = report["policies"]!.AsArray().ToDictionary(
            p => p!["policy"]!.GetValue<string>(),
            p => (Triggered: p!["triggered"]!.GetValue<int>(), Matched: p["matched"]!.GetValue<int>(), Acted: p["acted"]!.GetValue<int>(), Held: p["held"]!.GetValue<int>()));
        Assert.Equal((2, 1, 1, 0), counts["ec2-sg-admin-ports-public"]);
        Assert.Equal((2, 0, 0, 0), counts["ec2-sg-database-ports-public"]);
        Assert.Equal((1, 1, 1, 0), counts["s3-bucket-public-acl"]);
        Assert.Equal((2, 1, 0, 1), counts["s3-bucket-public-policy"]);
        Assert.Equal((0, 0, 0, 0), counts["s3-bucket-public-access-block-off"]);
        var neverFired = report["neverFired"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(counts.Where(c => c.Value.Matched == 0).Select(c => c.Key).Order(StringComparer.Ordinal), neverFired);
        Assert.Superset(new HashSet<string>(["ec2-sg-all-traffic-public", "ec2-sg-database-ports-public", "s3-bucket-public-access-block-off"]), neverFired.ToHashSet());
    }
}
