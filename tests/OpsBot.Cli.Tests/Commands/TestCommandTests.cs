namespace OpsBot.Cli.Tests.Commands;

public class TestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_shipped_cases_pass_with_one_line_each_and_a_summary()
    {
        var run = await CliRun.Of("test", RepositoryPaths.Policies);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.Matches(@"^\d+ passed, 0 failed$", lines[^1]);
        Assert.True(lines.Count(l => l.StartsWith("PASS", StringComparison.Ordinal)) >= 12);
    }

    [Fact]
    public async Task A_case_whose_expectation_is_wrong_fails_and_says_why()
    {
        CopyPolicies();
        File.WriteAllText(Path.Combine(_folder, "tests", "wrong.yaml"), """
            cases:
              - name: HTTPS is wrongly expected to match
                event: events/authorize-ssh-https-world.json
                state: state/sg-ssh-https-world.json
                expect:
                  decisions:
                    - policy: ec2-sg-admin-ports-public
                      matches:
                        - {protocol: tcp, fromPort: 443, toPort: 443, cidr: 0.0.0.0/0}
            """);

        var run = await CliRun.Of("test", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  HTTPS is wrongly expected to match", run.Output, StringComparison.Ordinal);
        Assert.Contains("expected tcp 443-443 0.0.0.0/0, not found", run.Output, StringComparison.Ordinal);
        Assert.Contains("unexpected ingress tcp 22 from 0.0.0.0/0", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    private void CopyPolicies()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Policies, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        foreach (var sub in new[] { "events", "state" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, "tests", sub));
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Fixture(sub)))
            {
                File.Copy(file, Path.Combine(_folder, "tests", sub, Path.GetFileName(file)));
            }
        }
    }
}
