using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace OpsBot.Infra.Tests;

/// <summary>
/// scripts/update-member-stackset.sh uploads infra/member-account.yaml under a key named after its
/// content and deploys the organization stack with that URL only, so every changed template is a
/// changed TemplateURL (the same URL again is "no changes" to CloudFormation). Run against a
/// stand-in <c>aws</c> that records its calls: moto's change sets drop UsePreviousValue parameters.
/// </summary>
[UnsupportedOSPlatform("windows")] // a bash script with a stand-in executable on PATH
public sealed class MemberStackSetUpdateScriptTests
{
    [ToolFact("bash")]
    public void The_script_uploads_the_member_template_under_its_content_hash_and_deploys_that_url_alone()
    {
        var version = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Repo.PathOf("infra/member-account.yaml"))))[..12];
        var key = $"opsbot/member-account-{version}.yaml";

        var calls = RunWithRecordingAws("templates-bucket");

        Assert.Equal(2, calls.Count);
        Assert.Equal(["s3", "cp", "--only-show-errors", "infra/member-account.yaml", $"s3://templates-bucket/{key}"], calls[0]);
        Assert.Equal(
            ["cloudformation", "deploy", "--stack-name", "opsbot-organization", "--template-file", "infra/organization.yaml",
             "--parameter-overrides", $"MemberTemplateURL=https://templates-bucket.s3.amazonaws.com/{key}", "--no-fail-on-empty-changeset"],
            calls[1]);
    }

    [ToolFact("bash")]
    public void The_script_deploys_the_organization_stack_it_is_given()
    {
        var calls = RunWithRecordingAws("templates-bucket", "acme-opsbot-org");

        Assert.Equal("acme-opsbot-org", calls[1][calls[1].IndexOf("--stack-name") + 1]);
    }

    private static List<List<string>> RunWithRecordingAws(params string[] args)
    {
        var bin = Directory.CreateTempSubdirectory("opsbot-fake-aws-");
        try
        {
            var log = Path.Combine(bin.FullName, "calls");
            var aws = Path.Combine(bin.FullName, "aws");
            // One call per line, arguments separated by a unit separator (arguments hold spaces and '=').
            File.WriteAllText(aws, "#!/usr/bin/env bash\n(IFS=$'\\x1f'; printf '%s\\n' \"$*\") >> \"$FAKE_AWS_LOG\"\n");
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (exitCode, stdout, stderr) = Tools.Run(
                "bash", ["scripts/update-member-stackset.sh", .. args], Repo.Root,
                new Dictionary<string, string?>
                {
                    ["PATH"] = $"{bin.FullName}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
                    ["FAKE_AWS_LOG"] = log,
                });

            Assert.True(exitCode == 0, $"the script exited {exitCode}:\n{stdout}\n{stderr}");
            return [.. File.ReadAllLines(log).Select(line => line.Split('\u001f').ToList())];
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
