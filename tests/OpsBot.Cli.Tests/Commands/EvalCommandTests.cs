using System.Text.Json;

namespace OpsBot.Cli.Tests.Commands;

public class EvalCommandTests
{
    [Fact]
    public async Task Json_output_matches_ssh_only_under_the_admin_ports_policy()
    {
        var run = await CliRun.Of(
            "eval", "--policies", RepositoryPaths.Policies,
            "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"),
            "--state", RepositoryPaths.Fixture("state/sg-ssh-https-world.json"), RepositoryPaths.Fixture("state/sg-ssh-https-world.rules.json"),
            "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var decision = Assert.Single(json.RootElement.GetProperty("decisions").EnumerateArray());
        Assert.Equal("ec2-sg-admin-ports-public", decision.GetProperty("policy").GetString());
        Assert.Equal("sg-0a1b2c3d4e5f60718", decision.GetProperty("resource").GetString());
        Assert.Equal("revoke-matched-ingress", decision.GetProperty("action").GetString());
        Assert.Equal("enforce", decision.GetProperty("mode").GetString());
        var match = Assert.Single(decision.GetProperty("matches").EnumerateArray());
        Assert.Equal(("tcp", 22, 22, "0.0.0.0/0", "sgr-0aaa000000000ssh"), (
            match.GetProperty("protocol").GetString(), match.GetProperty("fromPort").GetInt32(), match.GetProperty("toPort").GetInt32(),
            match.GetProperty("cidr").GetString(), match.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public async Task Text_output_explains_the_policy_the_permission_and_the_condition()
    {
        var run = await CliRun.Of(
            "eval", "--policies", RepositoryPaths.Policies,
            "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"),
            "--state", RepositoryPaths.Fixture("state/sg-ssh-https-world.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ec2-sg-admin-ports-public on sg-0a1b2c3d4e5f60718: revoke-matched-ingress (enforce)", run.Output, StringComparison.Ordinal);
        Assert.Contains("ingress tcp 22 from 0.0.0.0/0", run.Output, StringComparison.Ordinal);
        Assert.Contains("`rule.IsOpenToInternet && rule.OverlapsAny(", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_event_file_is_a_clear_error_not_a_stack_trace()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", "no-such-event.json", "--state", RepositoryPaths.Fixture("state/sg-compliant.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no-such-event.json: no such file or directory", run.Error.Trim());
    }

    [Fact]
    public async Task A_malformed_state_file_is_a_clear_error()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"), "--state", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected describe-security-groups output", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_is_read_as_the_resource_type_the_event_concerns()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/s3-put-bucket-acl-all-users-single-grant.json"), "--state", RepositoryPaths.Fixture("state/s3-reports-public-acl.json"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"policy\": \"s3-bucket-public-acl\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("remove-public-acl-grants", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_document_of_another_type_names_the_one_expected()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/s3-put-bucket-acl-all-users-single-grant.json"), "--state", RepositoryPaths.Fixture("state/sg-compliant.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected for aws.s3.bucket", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
