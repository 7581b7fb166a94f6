namespace OpsBot.Rules.Engine;

/// <summary>How the rules of a policy are named, so a fired or failing rule leads back to its policy.</summary>
internal static class PolicyRuleNames
{
    private const string ExemptionSuffix = "#unless";

    /// <summary>The name of the exemption rule of policy <paramref name="policyId"/>.</summary>
    public static string Exemption(string policyId) => policyId + ExemptionSuffix;

    /// <summary>
    /// The policies a rule called <paramref name="ruleName"/> speaks for: those whose shared
    /// <c>unless</c> it is, when <paramref name="exemptions"/> names it, else the one policy it is named after.
    /// </summary>
    public static IReadOnlyList<string> PolicyIds(string ruleName, IReadOnlyDictionary<string, string[]> exemptions) =>
        exemptions.TryGetValue(ruleName, out var ids) ? ids : [PolicyId(ruleName)];

    /// <summary>The policy id a rule belongs to.</summary>
    public static string PolicyId(string ruleName) =>
        ruleName.EndsWith(ExemptionSuffix, StringComparison.Ordinal) ? ruleName[..^ExemptionSuffix.Length] : ruleName;
}
