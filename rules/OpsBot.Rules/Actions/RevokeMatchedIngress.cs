using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Actions;

/// <summary>Revokes exactly the ingress elements the policy matched, by rule id where known; other rules stay.</summary>
public sealed class RevokeMatchedIngress : RevokeMatchedPermissions
{
    /// <inheritdoc />
    public override string Name => "revoke-matched-ingress";

    /// <inheritdoc />
    public override string Summary => "Revoke exactly the matched ingress rules of the security group and nothing else.";

    /// <inheritdoc />
    public override IReadOnlyList<string> IamPermissions { get; } =
        ["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress"];

    /// <inheritdoc />
    protected override TrafficDirection Direction => TrafficDirection.Ingress;

    /// <inheritdoc />
    public override string Example => """
        id: example-ssh-open-to-internet
        title: SSH must not be open to the internet
        severity: high
        resource: aws.ec2.security-group
        triggers: [AuthorizeSecurityGroupIngress, ModifySecurityGroupRules]
        select: ingress
        when: rule.IsOpenToInternet && rule.Includes(22)
        unless: sg.Tag("opsbot:exempt") == "true"
        remediation:
          action: revoke-matched-ingress
          mode: enforce
          options:
            maxRules: 10
        notify: [slack, sns]
        """;
}
