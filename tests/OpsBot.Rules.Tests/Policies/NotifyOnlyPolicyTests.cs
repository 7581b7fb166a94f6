using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

public class NotifyOnlyPolicyTests
{
    private const string Head = """
        id: ssh-from-anywhere
        title: SSH open to the internet, for the record
        severity: low
        resource: aws.ec2.security-group
        triggers: [AuthorizeSecurityGroupIngress]
        select: ingress
        when: rule.IsOpenToInternet && rule.Includes(22)

        """;

    [Fact]
    public void A_policy_without_a_remediation_block_only_notifies()
    {
        var policy = Load(Head, out var errors);

        Assert.Empty(errors);
        Assert.Equal(("", RemediationMode.Notify, false), (policy!.Remediation.Action, policy.Remediation.Mode, policy.Remediation.HasAction));
    }

    [Fact]
    public void A_notify_remediation_may_leave_out_the_action()
    {
        var policy = Load(Head + "remediation:\n  mode: notify\n", out var errors);

        Assert.Empty(errors);
        Assert.Equal("", policy!.Remediation.Action);
    }

    [Fact]
    public void A_notify_remediation_may_still_name_its_action()
    {
        var policy = Load(Head + "remediation:\n  action: revoke-matched-ingress\n", out var errors);

        Assert.Empty(errors);
        Assert.Equal(("revoke-matched-ingress", RemediationMode.Notify), (policy!.Remediation.Action, policy.Remediation.Mode));
    }

    [Theory]
    [InlineData("enforce")]
    [InlineData("approve")]
    public void Enforce_and_approve_need_an_action(string mode)
    {
        var policy = Load(Head + $"remediation:\n  mode: {mode}\n  approvers: [U0123ABCD]\n", out var errors);

        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("notify.yaml", 9, 9), error.Location);
        Assert.Contains($"'mode: {mode}' needs 'action'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_an_action_are_an_error()
    {
        var policy = Load(Head + "remediation:\n  options: {maxRules: 3}\n", out var errors);

        Assert.Null(policy);
        Assert.Contains("'options' configure an action", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private static Policy? Load(string text, out List<PolicyError> errors)
    {
        errors = [];
        return new PolicyLoader().LoadText(text, "notify.yaml", errors);
    }
}
