using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies;

/// <summary>
/// What a policy expression's parse depends on: its text, its scope, the resource type (its fact,
/// variable and allowed types) and, for an element condition, the collection (its element fact and
/// variable). Types and collections are compared by reference: they are registered once.
/// </summary>
/// <param name="Expression">The expression's text.</param>
/// <param name="Scope">Over an element and its resource, or over the resource alone.</param>
/// <param name="ResourceType">The resource type the expression is read against.</param>
/// <param name="Collection">The element collection, for <see cref="ExpressionScope.Element"/>; else null.</param>
internal readonly record struct ParseKey(string Expression, ExpressionScope Scope, IResourceType ResourceType, IElementCollection? Collection);
