namespace OpsBot.Rules.Policies.Checks;

/// <summary>
/// A footgun the loader looks for in a policy that is otherwise valid: a condition that parses and
/// type-checks but matches far more, or nothing, of what it appears to say. A finding is a warning,
/// and refuses the policy in <c>mode: enforce</c>, unless the policy lists <see cref="Name"/> under
/// <c>acknowledge</c>.
/// </summary>
public interface IPolicyCheck
{
    /// <summary>The name a policy writes under <c>acknowledge</c>, e.g. <c>default-egress</c>.</summary>
    string Name { get; }

    /// <summary>One sentence on what it finds, for the schema and the docs.</summary>
    string Summary { get; }

    /// <summary>What is wrong with <paramref name="subject"/>'s condition, in a sentence, or null when nothing is.</summary>
    string? Inspect(PolicyCheckSubject subject);
}
