using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Parses policy expressions over the facts, and checks each at load: it must parse, be boolean
/// over the scope's facts, and stay inside the fence. The rules engine is built from the same
/// parse, so what was checked is exactly what runs.
/// </summary>
public static class PolicyExpressionCompiler
{
    /// <summary>The element parameter's name in <c>when</c>.</summary>
    public const string RuleParameter = "rule";

    /// <summary>The resource parameter's name in <c>when</c> and <c>unless</c>.</summary>
    public const string GroupParameter = "sg";

    private static readonly HashSet<Type> Allowed =
        [typeof(PermissionFact), typeof(SecurityGroupFact), typeof(PolicyFunctions), typeof(TrafficDirection), typeof(SourceKind)];

    /// <summary>Checks <paramref name="expression"/>; returns null when it is valid, else the problem and its offset in the text.</summary>
    public static (string Message, int Offset)? Check(string expression, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parameters = scope == ExpressionScope.Element
            ? new[] { Expression.Parameter(typeof(PermissionFact), RuleParameter), Expression.Parameter(typeof(SecurityGroupFact), GroupParameter) }
            : new[] { Expression.Parameter(typeof(SecurityGroupFact), GroupParameter) };
        return Parse(expression, scope, parameters).Problem;
    }

    /// <summary>The <c>when</c> condition as a typed lambda over (<c>rule</c>, <c>sg</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="expression"/> does not pass <see cref="Check"/>.</exception>
    internal static Expression<Func<PermissionFact, SecurityGroupFact, bool>> ParseWhen(string expression)
    {
        var rule = Expression.Parameter(typeof(PermissionFact), RuleParameter);
        var group = Expression.Parameter(typeof(SecurityGroupFact), GroupParameter);
        return Expression.Lambda<Func<PermissionFact, SecurityGroupFact, bool>>(Body(expression, ExpressionScope.Element, rule, group), rule, group);
    }

    /// <summary>The <c>unless</c> condition as a typed lambda over <c>sg</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="expression"/> does not pass <see cref="Check"/>.</exception>
    internal static Expression<Func<SecurityGroupFact, bool>> ParseUnless(string expression)
    {
        var group = Expression.Parameter(typeof(SecurityGroupFact), GroupParameter);
        return Expression.Lambda<Func<SecurityGroupFact, bool>>(Body(expression, ExpressionScope.Resource, group), group);
    }

    private static Expression Body(string expression, ExpressionScope scope, params ParameterExpression[] parameters)
    {
        var (lambda, problem) = Parse(expression, scope, parameters);
        return problem is { } p ? throw new ArgumentException($"`{expression}` is invalid: {p.Message}", nameof(expression)) : lambda!.Body;
    }

    private static (LambdaExpression? Lambda, (string Message, int Offset)? Problem) Parse(string expression, ExpressionScope scope, ParameterExpression[] parameters)
    {
        var config = new ParsingConfig { CustomTypeProvider = new PolicyTypeProvider(Allowed), IsCaseSensitive = true };
        LambdaExpression parsed;
        try
        {
            parsed = DynamicExpressionParser.ParseLambda(config, false, parameters, typeof(bool), expression);
        }
        catch (ParseException ex)
        {
            var hint = scope == ExpressionScope.Resource && ex.Message.Contains($"'{RuleParameter}'", StringComparison.Ordinal)
                ? " ('unless' is checked once per resource, so only 'sg' is available)"
                : "";
            return (null, (ex.Message.TrimEnd('.') + hint, Position(expression, ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, (ex.Message.TrimEnd('.'), 0));
        }

        if (parsed.Body.Type != typeof(bool))
        {
            return (null, ($"the expression is of type {parsed.Body.Type.Name}, not a condition (true or false)", 0));
        }

        return ExpressionFence.Check(parsed.Body, Allowed) is { } problem ? (null, (problem, 0)) : (parsed, null);
    }

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
