using System.Text.Json;

namespace OpsBot.Cli.Tests.Commands;

/// <summary>
/// <c>opsbot scan</c> over a generated describe-security-groups inventory of 40 groups (every 10th
/// with SSH open to the world) and over the shipped bucket state fixture.
/// </summary>
public sealed class ScanCommandTests : IDisposable
{
    private const int Groups = 40;

    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-scan-").FullName;

    private readonly string _inventory;

    public ScanCommandTests()
    {
        _inventory = Path.Combine(_folder, "inventory.json");
        File.WriteAllText(_inventory, SyntheticInventory.Document(Groups));
    }

    [Fact]
    public async Task Finds_exactly_the_groups_with_ssh_open_to_the_world()
    {
        var run = await Scan("--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(SyntheticInventory.Violating(Groups), findings.Select(f => f.GetProperty("resource").GetString()));
        Assert.All(findings, f => Assert.Equal("ec2-sg-admin-ports-public", f.GetProperty("policy").GetString()));
    }

    [Fact]
    public async Task Json_findings_carry_account_region_severity_matches_and_explanation_and_a_summary()
    {
        var run = await Scan("--format", "json", "--account", "111111111111", "--region", "eu-west-1");

        using var json = JsonDocument.Parse(run.Output);
        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal("111111111111", finding.GetProperty("account").GetString());
        Assert.Equal("eu-west-1", finding.GetProperty("region").GetString());
        Assert.Equal("high", finding.GetProperty("severity").GetString());
        var match = Assert.Single(finding.GetProperty("matches").EnumerateArray());
        Assert.Contains("0.0.0.0/0", match.GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(finding.GetProperty("explanation").EnumerateArray());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(Groups, summary.GetProperty("resources").GetInt32());
        Assert.Equal(Groups / 10, summary.GetProperty("findings").GetInt32());
        Assert.Equal(Groups / 10, summary.GetProperty("bySeverity").GetProperty("high").GetInt32());
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_finding()
    {
        var run = await Scan("--format", "csv", "--account", "111111111111");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("severity,policy,resource,account,region,matched,matches", rows[0]);
        Assert.Equal(Groups / 10, rows.Length - 1);
        Assert.StartsWith($"high,ec2-sg-admin-ports-public,{SyntheticInventory.GroupId(0)},111111111111,,1,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_is_a_2_1_0_log_with_the_policies_as_rules_and_one_result_per_finding()
    {
        var run = await Scan("--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var sarifRun = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("opsbot", driver.GetProperty("name").GetString());
        Assert.Contains("ec2-sg-admin-ports-public", driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Groups / 10, results.Count);
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.Equal(
            SyntheticInventory.GroupId(0),
            results[0].GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_table_has_a_line_per_finding_and_a_summary()
    {
        var run = await Scan();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"high      ec2-sg-admin-ports-public {SyntheticInventory.GroupId(10)} 1", run.Output, StringComparison.Ordinal);
        Assert.EndsWith($"{Groups / 10} finding(s) in {Groups} resource(s) (high: {Groups / 10}){Environment.NewLine}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_high_exits_1_when_high_findings_exist()
    {
        var run = await Scan("--fail-on", "high");

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Fail_on_critical_exits_0_when_the_findings_are_only_high()
    {
        var run = await Scan("--fail-on", "critical");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task P_limits_the_policies_evaluated()
    {
        var run = await Scan("--format", "json", "-p", "ec2-sg-database-ports-public", "-p", "ec2-sg-all-traffic-public");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task P_naming_no_loaded_policy_is_bad_input()
    {
        var run = await Scan("-p", "ec2-sg-no-such-policy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ec2-sg-no-such-policy: no such policy", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_resource_type_is_bad_input_naming_the_known_ones()
    {
        var run = await Scan("--resource", "aws.example.widget");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--resource aws.example.widget: no such resource type (known: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_bad_input()
    {
        var run = await Scan("--format", "xml");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task A_missing_state_file_exits_2()
    {
        var missing = Path.Combine(_folder, "missing.json");

        var run = await CliRun.Of("scan", "--policies", RepositoryPaths.Policies, "--state", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{missing}: no such file or directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_state_document_with_resource_aws_s3_bucket_finds_the_public_acl()
    {
        var run = await CliRun.Of(
            "scan", "--policies", RepositoryPaths.Policies, "--resource", "aws.s3.bucket",
            "--state", RepositoryPaths.Fixture("state/s3-reports-public-acl.json"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("policy").GetString() == "s3-bucket-public-acl" && f.GetProperty("resource").GetString() == "example-reports");
    }

    [Fact]
    public async Task A_describe_instances_document_with_resource_aws_ec2_instance_finds_the_instances_allowing_IMDSv1()
    {
        var run = await CliRun.Of(
            "scan", "--policies", RepositoryPaths.Policies, "--resource", "aws.ec2.instance",
            "--state", RepositoryPaths.Fixture("state/ec2-batch-three-instances.json"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var flagged = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("policy").GetString() == "ec2-instance-imdsv1-allowed")
            .Select(f => f.GetProperty("resource").GetString());
        Assert.Equal(["i-0a1b2c3d4e5f60006", "i-0a1b2c3d4e5f60008"], flagged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_group_without_an_id_deep_in_a_large_inventory_is_bad_input_naming_the_file()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(SyntheticInventory.Document(520))!;
        document["SecurityGroups"]![400]!.AsObject().Remove("GroupId");
        var broken = Path.Combine(_folder, "broken.json");
        File.WriteAllText(broken, document.ToJsonString());

        var run = await CliRun.Of("scan", "--policies", RepositoryPaths.Policies, "--state", broken, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{broken}: a security group has no \"GroupId\"", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_broken_policy_is_reported_before_a_broken_inventory_read_beside_it()
    {
        var policies = Directory.CreateDirectory(Path.Combine(_folder, "policies")).FullName;
        var policy = Path.Combine(policies, "broken.yaml");
        File.WriteAllText(policy, "id: [unclosed\n");
        var inventory = Path.Combine(_folder, "not-json.json");
        File.WriteAllText(inventory, "{\"SecurityGroups\": [");

        var run = await CliRun.Of("scan", "--policies", policies, "--state", inventory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{policy}:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(inventory, run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> Scan(params string[] options) =>
        CliRun.Of(["scan", "--policies", RepositoryPaths.Policies, "--state", _inventory, .. options]);
}
