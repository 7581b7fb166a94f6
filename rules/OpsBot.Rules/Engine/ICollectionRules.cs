using NRules;
using NRules.RuleModel;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Engine;

/// <summary>Builds the NRules rules of policies that select one element collection.</summary>
internal interface ICollectionRules
{
    /// <summary>The rules for <paramref name="policy"/>: its match rule, then its exemption rule if it has <c>unless</c>.</summary>
    /// <exception cref="ArgumentException">A condition does not pass the expression check.</exception>
    IEnumerable<IRuleDefinition> Build(Policy policy);

    /// <summary>The exemption rule of <paramref name="policy"/> if it has <c>unless</c> (for a C# policy, whose match rule is its own).</summary>
    IEnumerable<IRuleDefinition> BuildExemption(Policy policy);

    /// <summary>Makes <paramref name="compiler"/> tell facts apart by reference, not by value.</summary>
    void RegisterFactIdentity(RuleCompiler compiler);
}
