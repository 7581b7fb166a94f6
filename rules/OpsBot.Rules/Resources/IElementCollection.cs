using System.Linq.Expressions;

namespace OpsBot.Rules.Resources;

/// <summary>
/// One element collection of a resource type, the unit a policy's <c>select</c> names: the elements
/// are matched one by one by <c>when</c>, and the matches are what a remediation acts on.
/// Implemented by <see cref="ElementCollection{TResource, TElement}"/>.
/// </summary>
public interface IElementCollection
{
    /// <summary>The name policies write in <c>select</c>, e.g. <c>ingress</c>.</summary>
    string Name { get; }

    /// <summary>The CLR type of its elements, e.g. <c>PermissionFact</c>.</summary>
    Type ElementType { get; }

    /// <summary>The name <c>when</c> uses for the element, e.g. <c>rule</c>.</summary>
    string Variable { get; }

    /// <summary>What one element is called in explanations, e.g. "ingress rule".</summary>
    string ElementNoun { get; }

    /// <summary>
    /// The condition that tells this collection's elements from another collection's of the same
    /// type (ingress from egress permissions), or null when no other collection shares the type.
    /// </summary>
    LambdaExpression? Membership { get; }

    /// <summary>The elements of <paramref name="resource"/> in this collection, in their order.</summary>
    IReadOnlyList<object> Elements(object resource);

    /// <summary>One line about a matched element for the explanation, e.g. its exposure.</summary>
    string Explain(object element);

    /// <summary>
    /// The values a test case can expect of an element, by key (e.g. <c>protocol</c>, <c>cidr</c>); a
    /// test's expected element matches when every key it gives has this value.
    /// </summary>
    IReadOnlyDictionary<string, string> Describe(object element);

    /// <summary>A test's expected element in words, for a failure message, e.g. "tcp 22-22 0.0.0.0/0".</summary>
    string ShowExpected(IReadOnlyDictionary<string, string> expected);

    /// <summary>An expected value in the form <see cref="Describe"/> reports it (e.g. a protocol number as its name).</summary>
    string NormalizeExpected(string key, string value);
}
