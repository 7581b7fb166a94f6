using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// Sets the instance's <c>HttpTokens</c> to <c>required</c> so its metadata service answers only
/// IMDSv2 (session-token) requests, leaving <c>HttpEndpoint</c> and the hop limit as they are; the
/// settings it replaces are the restorable state. It changes the instance as a whole: policies
/// select its one-element <c>metadata</c> collection.
/// </summary>
public sealed class RequireImdsv2 : IRemediationAction
{
    /// <inheritdoc />
    public string Name => "require-imdsv2";

    /// <inheritdoc />
    public string Summary => "Require session tokens (IMDSv2) on the instance's metadata service, keeping the replaced settings for undo.";

    /// <inheritdoc />
    public string ResourceType => Ec2InstanceResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["metadata"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } = [];

    /// <inheritdoc />
    public string Example => """
        id: example-ec2-instance-imdsv1-allowed
        title: Instances must require IMDSv2
        severity: medium
        resource: aws.ec2.instance
        triggers: [RunInstances, ModifyInstanceMetadataOptions]
        select: metadata
        when: metadata.IsV1Allowed
        unless: instance.Tag("opsbot:exempt") == "true"
        remediation:
          action: require-imdsv2
          mode: approve
          approvers: [U0123ABCD]
          expires: 24h
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return RequireImdsv2Options.Default;
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new RemediationPlan(Name, decision.ResourceId, []) { Elements = [] };
    }
}
