namespace OpsBot.Rules.Engine;

/// <summary>How the rules of a policy are named, so a fired or failing rule leads back to its policy.</summary>
internal static class PolicyRuleNames
{
    private const string ExemptionSuffix = "#unless";

    /// <summary>The name of the exemption rule of policy <paramref name="policyId"/>.</summary>
    public static string Exemption(string policyId) => policyId + ExemptionSuffix;

    /// <summary>The policy id a rule belongs to.</summary>
    public static string PolicyId(string ruleName) =>
        ruleName.EndsWith(ExemptionSuffix, StringComparison.Ordinal) ? ruleName[..^ExemptionSuffix.Length] : ruleName;
}
