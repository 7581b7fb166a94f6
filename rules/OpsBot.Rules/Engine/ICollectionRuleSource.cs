using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Engine;

/// <summary>
/// An element collection that can hand the engine its typed rule builder; the type arguments are
/// known only to the collection, so it creates the builder, and the engine needs no reflection.
/// </summary>
internal interface ICollectionRuleSource
{
    /// <summary>The rule builder for policies that select this collection of <paramref name="resourceType"/>.</summary>
    ICollectionRules CreateRules(IResourceType resourceType);
}
