using System.Diagnostics;

namespace OpsBot.Cli.Tests.Commands;

[Trait("Category", "Integration")]
// One at a time: the default demo checks that it leaves no moto_server process behind.
[Collection("demo")]
public class DemoCommandTests
{
    [Fact]
    public async Task The_demo_revokes_ssh_keeps_https_and_stops_its_emulator()
    {
        var before = MotoProcesses();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepositoryPaths.Root);
        CliRun run;
        try
        {
            run = await CliRun.Of("demo");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("tcp 22 from 0.0.0.0/0", run.Output, StringComparison.Ordinal);
        Assert.Contains("now has 1 ingress rule(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("alert on opsbot-alerts: [OpsBot] HIGH remediated: ec2-sg-admin-ports-public", run.Output, StringComparison.Ordinal);
        Assert.Contains("Remediated in 111111111111/us-east-1", run.Output, StringComparison.Ordinal);
        Assert.Contains("ec2-sg-admin-ports-public on sg-", run.Output, StringComparison.Ordinal);
        Assert.Contains(": mode enforce, remediated, compliant after", run.Output, StringComparison.Ordinal);
        Assert.Contains("starting the AWS emulator", run.Output.Split('\n')[0], StringComparison.Ordinal);

        // The SNS alert reads as text, not as the JSON message.
        Assert.Contains("Admin ports must not be open to the internet [high]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"policyId\"", run.Output, StringComparison.Ordinal);

        // The Slack alert arrives with its Undo button, shown as the approval demo shows messages.
        Assert.Contains("slack: chat.postMessage: new message in #C0DEMOALERTS", run.Output, StringComparison.Ordinal);
        Assert.Contains("Remediated: Admin ports must not be open to the internet", run.Output, StringComparison.Ordinal);
        Assert.Contains("│ [ Undo ]", run.Output, StringComparison.Ordinal);
        Assert.Contains("demo passed", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, MotoProcesses());
    }

    [Fact]
    public async Task The_approval_demo_requests_approves_with_a_signed_click_and_fixes_the_group()
    {
        var run = await CliRun.Of("demo", "--approve", "--policies", RepositoryPaths.Policies, "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Approval needed: Admin ports must not be open to the internet", run.Output, StringComparison.Ordinal);
        Assert.Contains("[ Approve ]  [ Deny ]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Approved by @U0DEMOAPPROVER", run.Output, StringComparison.Ordinal);
        Assert.Contains("SSH from the world is gone", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_reports_an_unreachable_emulator_clearly()
    {
        var run = await CliRun.Of("demo", "--endpoint-url", "http://127.0.0.1:9/", "--policies", RepositoryPaths.Policies, "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("127.0.0.1:9", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static int MotoProcesses() =>
        Process.GetProcesses().Count(p =>
        {
            try
            {
                return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("moto_server", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });
}
