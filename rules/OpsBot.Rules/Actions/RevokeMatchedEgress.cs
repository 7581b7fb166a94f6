using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Actions;

/// <summary>Revokes exactly the egress elements the policy matched, by rule id where known; other rules stay.</summary>
public sealed class RevokeMatchedEgress : RevokeMatchedPermissions
{
    /// <inheritdoc />
    public override string Name => "revoke-matched-egress";

    /// <inheritdoc />
    public override string Summary => "Revoke exactly the matched egress rules of the security group and nothing else.";

    /// <inheritdoc />
    public override IReadOnlyList<string> IamPermissions { get; } =
        ["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupEgress"];

    /// <inheritdoc />
    protected override TrafficDirection Direction => TrafficDirection.Egress;

    /// <inheritdoc />
    public override string Example => """
        id: example-smtp-egress-to-internet
        title: Outbound SMTP to the internet needs approval
        severity: medium
        resource: aws.ec2.security-group
        triggers: [AuthorizeSecurityGroupEgress]
        select: egress
        when: rule.IsOpenToInternet && rule.Includes(25)
        remediation:
          action: revoke-matched-egress
          mode: approve
          approvers: [U0123ABCD]
          expires: 4h
        notify: [slack]
        """;
}
