namespace OpsBot.Infra.Tests;

/// <summary>The templates pass cfn-lint with nothing to report.</summary>
public sealed class CfnLintTests
{
    [ToolFact("cfn-lint")]
    public void Cfn_lint_reports_nothing_on_the_central_member_and_organization_templates()
    {
        var (exitCode, stdout, stderr) = Tools.Run(
            "cfn-lint",
            ["--include-checks", "I", "--", "template.yaml", "infra/member-account.yaml", "infra/organization.yaml"],
            Repo.Root);

        Assert.True(exitCode == 0 && stdout.Trim().Length == 0 && stderr.Trim().Length == 0, $"cfn-lint exited {exitCode}:\n{stdout}\n{stderr}");
    }
}
