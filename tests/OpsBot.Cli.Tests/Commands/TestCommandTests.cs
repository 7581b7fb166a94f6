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

    [Fact]
    public async Task A_policy_file_runs_only_the_cases_that_concern_it()
    {
        var run = await CliRun.Of("test", Path.Combine(RepositoryPaths.Policies, "ec2-sg-all-traffic-public.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PASS  protocol -1 (all traffic) open to the world matches every port policy", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IPv6 ::/0 is the internet", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_file_given_directly_runs_its_cases_against_the_policies_beside_it()
    {
        var run = await CliRun.Of("test", RepositoryPaths.Fixture("exposure.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PASS  IPv6 ::/0 is the internet", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy flat form", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_exit_2_with_no_fallback_to_the_default_folder()
    {
        var missing = Path.Combine(_folder, "nope.yaml");

        var run = await CliRun.Of("test", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {missing}: no such file or directory", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_broken_test_file_is_reported_at_its_one_based_line_and_column()
    {
        CopyPolicies();
        var file = Path.Combine(_folder, "tests", "broken.yaml");
        File.WriteAllText(file, "cases:\n  - name: [unclosed\n");

        var run = await CliRun.Of("test", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:3:1: invalid YAML", run.Error, StringComparison.Ordinal);
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
