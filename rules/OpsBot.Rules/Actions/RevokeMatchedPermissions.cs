using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Actions;

/// <summary>Shared behaviour of the actions that revoke exactly the matched elements of one direction.</summary>
public abstract class RevokeMatchedPermissions : IRemediationAction
{
    /// <summary>The <c>maxRules</c> option's name.</summary>
    public const string MaxRulesOption = "maxRules";

    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <inheritdoc />
    public abstract string Example { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> IamPermissions { get; }

    /// <summary>The direction this action revokes.</summary>
    protected abstract TrafficDirection Direction { get; }

    /// <inheritdoc />
    public string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections => [Direction == TrafficDirection.Ingress ? "ingress" : "egress"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(MaxRulesOption, ActionOptionType.Integer, 20, "The most rules one remediation may revoke; a larger match is held for a human instead of being enforced.", 1),
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the group after revoking and report whether it now complies."),
    ];

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RevokeMatchedPermissionsOptions(values.Integer(MaxRulesOption), values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var options = (RevokeMatchedPermissionsOptions)decision.Policy.Remediation.Options;
        var revoke = decision.Matches.Where(m => m.Direction == Direction).ToList();
        var blocked = revoke.Count > options.MaxRules
            ? $"{revoke.Count} rules matched, more than maxRules ({options.MaxRules}) allows to revoke automatically"
            : null;
        return new RemediationPlan(Name, decision.ResourceId, revoke, blocked);
    }
}
