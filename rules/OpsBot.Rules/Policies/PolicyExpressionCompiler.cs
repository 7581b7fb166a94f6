using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Parses policy expressions over the facts a resource type declares, and checks each at load: it
/// must parse, be boolean over the scope's variables, and stay inside the fence (the type's
/// expression types, <see cref="PolicyFunctions"/> and <see cref="string"/>). The rules engine is
/// built from the same parse, so what was checked is exactly what runs.
/// </summary>
public static class PolicyExpressionCompiler
{
    // Enough for every expression of a large policy set; a process that parses more starts over.
    private const int MaxParsed = 4096;

    private static readonly ConcurrentDictionary<ParseKey, (LambdaExpression?, (string, int)?)> Parsed = new();

    /// <summary>
    /// Checks <paramref name="expression"/> over <paramref name="resourceType"/>: over the resource
    /// and the element of <paramref name="collection"/> for <see cref="ExpressionScope.Element"/>, over
    /// the resource only for <see cref="ExpressionScope.Resource"/>. Returns null when it is valid,
    /// else the problem and its offset in the text.
    /// </summary>
    public static (string Message, int Offset)? Check(string expression, ExpressionScope scope, IResourceType resourceType, IElementCollection? collection)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(resourceType);
        if (scope == ExpressionScope.Element)
        {
            ArgumentNullException.ThrowIfNull(collection);
        }

        return Parse(expression, scope, resourceType, collection).Problem;
    }

    /// <summary>The <c>when</c> condition as a typed lambda over (element, resource).</summary>
    /// <exception cref="ArgumentException"><paramref name="expression"/> does not pass <see cref="Check"/>.</exception>
    internal static Expression<Func<TElement, TResource, bool>> ParseWhen<TElement, TResource>(string expression, IResourceType resourceType, IElementCollection collection)
    {
        var parsed = Valid(expression, ExpressionScope.Element, resourceType, collection);
        return Expression.Lambda<Func<TElement, TResource, bool>>(parsed.Body, parsed.Parameters);
    }

    /// <summary>The <c>when</c> condition as a lambda over (element, resource), for checks that read its shape.</summary>
    /// <exception cref="ArgumentException"><paramref name="expression"/> does not pass <see cref="Check"/>.</exception>
    internal static LambdaExpression ParseWhen(string expression, IResourceType resourceType, IElementCollection collection) =>
        Valid(expression, ExpressionScope.Element, resourceType, collection);

    /// <summary>The <c>unless</c> condition as a typed lambda over the resource.</summary>
    /// <exception cref="ArgumentException"><paramref name="expression"/> does not pass <see cref="Check"/>.</exception>
    internal static Expression<Func<TResource, bool>> ParseUnless<TResource>(string expression, IResourceType resourceType)
    {
        var parsed = Valid(expression, ExpressionScope.Resource, resourceType, null);
        return Expression.Lambda<Func<TResource, bool>>(parsed.Body, parsed.Parameters);
    }

    private static LambdaExpression Valid(string expression, ExpressionScope scope, IResourceType resourceType, IElementCollection? collection)
    {
        var (lambda, problem) = Parse(expression, scope, resourceType, collection);
        return problem is { } p ? throw new ArgumentException($"`{expression}` is invalid: {p.Message}", nameof(expression)) : lambda!;
    }

    // Each text is parsed once per scope: the load checks it, the load's own checks read its shape,
    // and the rules engine is built from it, and every policy of a type repeats the same `unless`.
    // Parsing is most of the cost of loading policies (opsbot scan, docs/benchmarks.md). Expression
    // trees are immutable, so the parse (parameters included) is shared by everyone who asks.
    private static (LambdaExpression? Lambda, (string Message, int Offset)? Problem) Parse(
        string expression, ExpressionScope scope, IResourceType resourceType, IElementCollection? collection)
    {
        var key = new ParseKey(expression, scope, resourceType, scope == ExpressionScope.Element ? collection : null);
        if (Parsed.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Parsed.Count >= MaxParsed)
        {
            Parsed.Clear();
        }

        var resource = Expression.Parameter(resourceType.FactType, resourceType.Variable);
        ParameterExpression[] parameters = key.Collection is { } elements
            ? [Expression.Parameter(elements.ElementType, elements.Variable), resource]
            : [resource];
        return Parsed.GetOrAdd(key, Parse(expression, scope, resourceType, key.Collection, parameters));
    }

    private static (LambdaExpression? Lambda, (string Message, int Offset)? Problem) Parse(
        string expression, ExpressionScope scope, IResourceType resourceType, IElementCollection? collection, ParameterExpression[] parameters)
    {
        var allowed = new HashSet<Type>([.. resourceType.ExpressionTypes, typeof(PolicyFunctions)]);

        // The parser is told of the System enumerations string methods take, rather than left to find
        // every one of the core library's on its first use, which scans all of its types (a fifth of
        // a verb's start); the fence still decides what may be called.
        var known = new HashSet<Type>(allowed) { typeof(StringComparison), typeof(StringSplitOptions) };
        var config = new ParsingConfig { CustomTypeProvider = new PolicyTypeProvider(known), IsCaseSensitive = true, SupportEnumerationsFromSystemNamespace = false };
        LambdaExpression parsed;
        try
        {
            parsed = DynamicExpressionParser.ParseLambda(config, false, parameters, typeof(bool), expression);
        }
        catch (ParseException ex)
        {
            return (null, (ex.Message.TrimEnd('.') + ResourceScopeHint(scope, resourceType, ex), Position(expression, ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, (ex.Message.TrimEnd('.'), 0));
        }

        if (parsed.Body.Type != typeof(bool))
        {
            return (null, ($"the expression is of type {parsed.Body.Type.Name}, not a condition (true or false)", 0));
        }

        var helpers = collection is null ? $"{resourceType.Variable}.…" : $"{collection.Variable}.…, {resourceType.Variable}.…";
        return ExpressionFence.Check(parsed.Body, allowed, helpers) is { } problem ? (null, (problem, 0)) : (parsed, null);
    }

    // `unless` sees the resource only; naming an element variable there deserves the reason.
    private static string ResourceScopeHint(ExpressionScope scope, IResourceType resourceType, ParseException ex) =>
        scope == ExpressionScope.Resource && resourceType.Collections.Any(c => ex.Message.Contains($"'{c.Variable}'", StringComparison.Ordinal))
            ? $" ('unless' is checked once per resource, so only '{resourceType.Variable}' is available)"
            : "";

    // The parser reports where it stopped, which for an unknown name can be past it; point at the
    // name itself when the message quotes one that occurs in the text.
    private static int Position(string expression, ParseException ex)
    {
        var quoted = ex.Message.Split('\'');
        var name = quoted.Length > 2 ? quoted[1] : "";
        var at = name.Length > 0 ? expression.IndexOf(name, StringComparison.Ordinal) : -1;
        return at >= 0 ? at : ex.Position;
    }
}
