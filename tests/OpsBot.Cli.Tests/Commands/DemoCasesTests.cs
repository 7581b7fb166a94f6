namespace OpsBot.Cli.Tests.Commands;

/// <summary><c>opsbot demo --cases DIR</c>: the shipped policy test cases, end to end on moto.</summary>
[Trait("Category", "Integration")]
[Collection("demo")]
public sealed class DemoCasesTests
{
    private static string MemberTemplate => Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml");

    [Fact]
    public async Task The_shipped_cases_of_every_type_moto_can_hold_pass_on_moto()
    {
        var run = await CliRun.Of("demo", "--cases", RepositoryPaths.Policies, "--member-template", MemberTemplate);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("PASS  SSH and HTTPS open to the world - only SSH matches, HTTPS is left alone  (ec2-sg-admin-ports-public remediated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a group tagged opsbot:exempt=true is exempt  (skipped: exempt:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a one-element ACL grant list given as an object is read, and the AllUsers grant is removed  (s3-bucket-public-acl remediated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a policy statement allowing everyone to read objects waits for an approver; the Deny beside it is not public  (s3-bucket-public-policy pendingapproval)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a snapshot made public has only its group 'all' permission matched; its share with one account is not public  (ec2-snapshot-public remediated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a snapshot shared with one account id is not public  (skipped: compliant:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  a ModifySnapshotAttribute call that failed (errorCode) changed nothing and is skipped  (skipped: failed-call:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  an event delivered inside an SQS message body is unwrapped", StringComparison.Ordinal));

        Assert.Contains(lines, l => l.StartsWith("PASS  an image made public has only its group 'all' launch permission matched; its share with one account is not public  (ec2-image-public remediated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  an inbound allow of SSH from 0.0.0.0/0 is deleted; SSH from 10.0.0.0/8 and HTTPS from anywhere stay  (ec2-nacl-internet-admin-db-ports remediated)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  an SSH allow from anywhere behind a lower-numbered deny of ports 0-1023 from anywhere is not open  (skipped: compliant:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  an instance launched without metadata options allows IMDSv1 and waits for an approver to require tokens  (ec2-instance-imdsv1-allowed pendingapproval)", StringComparison.Ordinal));

        // A type the demo cannot create yet is a skip with its reason, never a pass.
        Assert.Contains(lines, l => l.StartsWith("SKIP  a stopped trail is started again: the demo cannot create aws.cloudtrail.trail state on the emulator yet", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Matches(@"\n\d+ passed, 0 failed, \d+ skipped", run.Output);
    }

    [Fact]
    public async Task A_wrong_expectation_fails_the_case_and_the_run()
    {
        using var folder = new TemporaryPolicyFolder();
        folder.Copy("ec2-sg-admin-ports-public.yaml", "ec2-sg-database-ports-public.yaml", "ec2-sg-all-traffic-public.yaml");
        folder.CopyFixtures();
        folder.WriteTests("wrong.yaml", """
            cases:
              - name: SSH open to the world, wrongly expected to be left alone
                event: events/authorize-ssh-https-world.json
                state: state/sg-ssh-https-world.json
                rules: state/sg-ssh-https-world.rules.json
                expect:
                  skips:
                    - {policy: ec2-sg-admin-ports-public, reason: compliant}
              - name: SSH open to the world, expected to be revoked
                event: events/authorize-ssh-https-world.json
                state: state/sg-ssh-https-world.json
                expect:
                  decisions:
                    - policy: ec2-sg-admin-ports-public
                      mode: enforce
                      matches:
                        - {protocol: tcp, fromPort: 22, toPort: 22, cidr: 0.0.0.0/0}
            """);

        var run = await CliRun.Of("demo", "--cases", folder.Path, "--member-template", MemberTemplate);

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        Assert.Contains("FAIL  SSH open to the world, wrongly expected to be left alone", run.Output, StringComparison.Ordinal);
        Assert.Contains("policy ec2-sg-admin-ports-public matched unexpectedly (remediated:", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  SSH open to the world, expected to be revoked", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed, 0 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_folder_is_a_usage_error_before_any_emulator_starts()
    {
        using var folder = new TemporaryPolicyFolder();

        var run = await CliRun.Of("demo", "--cases", folder.Path, "--member-template", MemberTemplate);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no policies in it", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("starting the AWS emulator", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_cases_is_a_usage_error()
    {
        using var folder = new TemporaryPolicyFolder();
        folder.Copy("ec2-sg-admin-ports-public.yaml");

        var run = await CliRun.Of("demo", "--cases", folder.Path, "--member-template", MemberTemplate);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no test cases", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_test_file_is_a_usage_error_naming_its_line()
    {
        using var folder = new TemporaryPolicyFolder();
        folder.Copy("ec2-sg-admin-ports-public.yaml");
        folder.WriteTests("broken.yaml", "cases:\n  - name: [unclosed\n");

        var run = await CliRun.Of("demo", "--cases", folder.Path, "--member-template", MemberTemplate);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.yaml:", run.Error, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_with_the_approval_story_is_a_usage_error()
    {
        var run = await CliRun.Of("demo", "--cases", RepositoryPaths.Policies, "--approve");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cases runs a folder's test cases on its own", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_policies_with_an_empty_folder_is_a_usage_error()
    {
        using var folder = new TemporaryPolicyFolder();

        var run = await CliRun.Of("demo", "--policies", folder.Path, "--member-template", MemberTemplate);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no policies in it", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_a_garbage_member_template_is_a_usage_error()
    {
        using var folder = new TemporaryPolicyFolder();
        var template = Path.Combine(folder.Path, "garbage.yaml");
        await File.WriteAllTextAsync(template, "this: [is not: a template\n");

        var run = await CliRun.Of("demo", "--policies", RepositoryPaths.Policies, "--member-template", template);

        Assert.True(run.ExitCode == 2, run.Output + run.Error);
        Assert.Contains("garbage.yaml", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
