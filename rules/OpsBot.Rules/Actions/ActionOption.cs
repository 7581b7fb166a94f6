namespace OpsBot.Rules.Actions;

/// <summary>One option an action accepts under <c>remediation.options</c>.</summary>
/// <param name="Name">The YAML key.</param>
/// <param name="Type">Its type.</param>
/// <param name="Default">The value when the policy omits it.</param>
/// <param name="Description">What it does.</param>
/// <param name="Minimum">For integers, the smallest value accepted.</param>
public sealed record ActionOption(string Name, ActionOptionType Type, object Default, string Description, int Minimum = int.MinValue);
