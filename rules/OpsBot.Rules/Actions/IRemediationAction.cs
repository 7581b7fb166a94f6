using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Actions;

/// <summary>
/// A remediation, self-described: its name, the resource and selection it acts on, its options,
/// the IAM actions it needs in the member account, and an example policy that uses it.
/// </summary>
public interface IRemediationAction
{
    /// <summary>The name policies use in <c>remediation.action</c>.</summary>
    string Name { get; }

    /// <summary>One sentence on what it does.</summary>
    string Summary { get; }

    /// <summary>The resource type it acts on.</summary>
    string ResourceType { get; }

    /// <summary>The <c>select</c> values it can act on.</summary>
    IReadOnlyList<string> Selections { get; }

    /// <summary>The IAM actions the remediation role needs for it (reading state included).</summary>
    IReadOnlyList<string> IamPermissions { get; }

    /// <summary>Options it accepts.</summary>
    IReadOnlyList<ActionOption> Options { get; }

    /// <summary>A complete example policy (YAML) using it; convention tests load it.</summary>
    string Example { get; }

    /// <summary>Builds the typed options record from validated values.</summary>
    object CreateOptions(ActionOptionValues values);

    /// <summary>What exactly would be done about <paramref name="decision"/>.</summary>
    RemediationPlan Plan(PolicyDecision decision);
}
