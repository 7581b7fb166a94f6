using System.Linq.Expressions;
using OpsBot.Rules.Engine;

namespace OpsBot.Rules.Resources;

/// <summary>
/// A typed element collection of <typeparamref name="TResource"/>: the engine builds its NRules
/// patterns from the type arguments, so every lambda it makes is a typed
/// <see cref="Expression{TDelegate}"/> (no untyped <c>Expression.Lambda</c>, which Native AOT warns on).
/// </summary>
/// <typeparam name="TResource">The resource fact, e.g. <c>SecurityGroupFact</c>.</typeparam>
/// <typeparam name="TElement">The element fact, e.g. <c>PermissionFact</c>.</typeparam>
public sealed class ElementCollection<TResource, TElement> : IElementCollection, ICollectionRuleSource
    where TResource : class
    where TElement : class
{
    private readonly Func<TResource, IReadOnlyList<TElement>> _elements;
    private readonly Func<TElement, IReadOnlyDictionary<string, string>> _describe;
    private readonly Func<TElement, string> _explain;
    private readonly Func<string, string, string> _normalize;
    private readonly Func<IReadOnlyDictionary<string, string>, string> _show;

    /// <summary>Declares a collection.</summary>
    /// <param name="name">The <c>select</c> name, e.g. <c>grants</c>.</param>
    /// <param name="variable">The element's name in <c>when</c>, e.g. <c>grant</c>.</param>
    /// <param name="elementNoun">What one element is called in explanations, e.g. "ACL grant".</param>
    /// <param name="elements">Reads the collection from the resource fact.</param>
    /// <param name="describe">The values test cases can expect of an element, by key.</param>
    /// <param name="membership">Tells this collection's elements from another's of the same type; null when the type is its own.</param>
    /// <param name="explain">One line about a matched element; its <c>ToString()</c> when null.</param>
    /// <param name="normalizeExpected">Brings an expected value into the form <paramref name="describe"/> reports; identity when null.</param>
    /// <param name="showExpected">An expected element in words; "key=value" pairs when null.</param>
    public ElementCollection(
        string name,
        string variable,
        string elementNoun,
        Func<TResource, IReadOnlyList<TElement>> elements,
        Func<TElement, IReadOnlyDictionary<string, string>> describe,
        Expression<Func<TElement, bool>>? membership = null,
        Func<TElement, string>? explain = null,
        Func<string, string, string>? normalizeExpected = null,
        Func<IReadOnlyDictionary<string, string>, string>? showExpected = null)
    {
        Name = name;
        Variable = variable;
        ElementNoun = elementNoun;
        _elements = elements;
        _describe = describe;
        TypedMembership = membership;
        _explain = explain ?? (e => e.ToString() ?? "");
        _normalize = normalizeExpected ?? ((_, value) => value);
        _show = showExpected ?? (values => string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Type ElementType => typeof(TElement);

    /// <inheritdoc />
    public string Variable { get; }

    /// <inheritdoc />
    public string ElementNoun { get; }

    /// <inheritdoc />
    public LambdaExpression? Membership => TypedMembership;

    /// <summary><see cref="Membership"/> as the typed lambda the engine puts on the element pattern.</summary>
    public Expression<Func<TElement, bool>>? TypedMembership { get; }

    /// <summary>The elements of <paramref name="resource"/>, typed.</summary>
    public IReadOnlyList<TElement> Of(TResource resource) => _elements(resource);

    /// <inheritdoc />
    public IReadOnlyList<object> Elements(object resource) => _elements((TResource)resource);

    /// <inheritdoc />
    public string Explain(object element) => _explain((TElement)element);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Describe(object element) => _describe((TElement)element);

    /// <inheritdoc />
    public string ShowExpected(IReadOnlyDictionary<string, string> expected) => _show(expected);

    /// <inheritdoc />
    public string NormalizeExpected(string key, string value) => _normalize(key, value);

    ICollectionRules ICollectionRuleSource.CreateRules(IResourceType resourceType) => new CollectionRules<TResource, TElement>(resourceType, this);
}
