using System.Text.Json;

namespace OpsBot.Cli.Tests.Commands;

/// <summary>What <c>eval</c> accepts as its event and state: standard input, CloudTrail exports, and nothing over the size limit.</summary>
public class EvalInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string State => RepositoryPaths.Fixture("state/sg-ssh-https-world.json");

    [Fact]
    public async Task The_event_is_read_from_standard_input_when_given_as_a_dash()
    {
        var run = await CliRun.WithInput(File.ReadAllText(RepositoryPaths.Fixture("events/authorize-ssh-https-world.json")), "eval", "--policies", RepositoryPaths.Policies, "--event", "-", "--state", State);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("ec2-sg-admin-ports-public on sg-0a1b2c3d4e5f60718: revoke-matched-ingress", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_is_read_from_standard_input_when_given_as_a_dash()
    {
        var run = await CliRun.WithInput(File.ReadAllText(State), "eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"), "--state", "-");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("ec2-sg-admin-ports-public on sg-0a1b2c3d4e5f60718", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_events_output_is_evaluated_like_the_event_itself()
    {
        var file = Path.Combine(_folder, "lookup.json");
        File.WriteAllText(file, CloudTrailExports.LookupEvents(CloudTrailExports.Record()));

        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", file, "--state", State, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("ec2-sg-admin-ports-public", Assert.Single(json.RootElement.GetProperty("decisions").EnumerateArray()).GetProperty("policy").GetString());
    }

    [Fact]
    public async Task Every_record_of_a_gzipped_log_file_is_evaluated()
    {
        var file = Path.Combine(_folder, "111111111111_CloudTrail_eu-west-1_20261120T0915Z_abc.json.gz");
        File.WriteAllBytes(file, CloudTrailExports.GzippedLogFile(CloudTrailExports.Record("11111111-aaaa-4aaa-8aaa-000000000001"), CloudTrailExports.Record("11111111-aaaa-4aaa-8aaa-000000000002")));

        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", file, "--state", State, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Single(e.GetProperty("decisions").EnumerateArray()));
    }

    [Fact]
    public async Task An_input_over_16_MiB_is_refused_before_it_is_read()
    {
        var file = Path.Combine(_folder, "huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength((16 * 1024 * 1024) + 1);
        }

        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", file, "--state", State);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {file}: 16777217 bytes, over the 16 MiB limit", run.Error.Trim());
    }

    [Fact]
    public async Task Invalid_json_is_reported_at_its_one_based_line_and_column()
    {
        var file = Path.Combine(_folder, "broken.json");
        File.WriteAllText(file, "{\n  \"detail\": {,\n}");

        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", file, "--state", State);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {file}:2:14: invalid JSON: ',' is an invalid start of a property name", run.Error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_in_a_state_file_is_reported_at_its_line_and_column()
    {
        var file = Path.Combine(_folder, "groups.json");
        File.WriteAllText(file, "{\"SecurityGroups\": [}");

        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"), "--state", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {file}:1:21: invalid JSON: ", run.Error.Trim(), StringComparison.Ordinal);
    }
}
