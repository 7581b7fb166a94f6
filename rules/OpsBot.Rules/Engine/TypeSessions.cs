using NRules;

namespace OpsBot.Rules.Engine;

/// <summary>
/// The compiled rules of one resource type's policies, and which policies each exemption rule
/// speaks for: the policies of a type that share an <c>unless</c> share one exemption rule.
/// </summary>
/// <param name="Factory">The session factory of the type's rules.</param>
/// <param name="Exemptions">Each exemption rule's name, with the ids of the policies whose <c>unless</c> it is.</param>
internal sealed record TypeSessions(ISessionFactory Factory, IReadOnlyDictionary<string, string[]> Exemptions);
