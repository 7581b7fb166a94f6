using NRules;
using NRules.RuleModel;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Engine;

/// <summary>Builds the NRules rules of policies that select one element collection.</summary>
internal interface ICollectionRules
{
    /// <summary>The match rule of <paramref name="policy"/>, a YAML policy: the resource, not exempt by its <c>unless</c>, joined with each element <c>when</c> matches.</summary>
    /// <exception cref="ArgumentException">A condition does not pass the expression check.</exception>
    IRuleDefinition Build(Policy policy);

    /// <summary>The rule that records, under <paramref name="ruleName"/>, that <paramref name="unless"/> holds for the resource.</summary>
    /// <exception cref="ArgumentException">The condition does not pass the expression check.</exception>
    IRuleDefinition BuildExemption(string unless, string ruleName, string description);

    /// <summary>Makes <paramref name="compiler"/> tell facts apart by reference, not by value.</summary>
    void RegisterFactIdentity(RuleCompiler compiler);
}
