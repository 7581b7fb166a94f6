using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using OpsBot.Rules.Facts;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace OpsBot.Rules.Policies;

/// <summary>
/// The fenced rules-engine configuration, and the load-time check of every expression: it must
/// parse, be boolean over the scope's facts, and stay inside the fence.
/// </summary>
public static class PolicyExpressionCompiler
{
    /// <summary>The element parameter's name in <c>when</c>.</summary>
    public const string RuleParameter = "rule";

    /// <summary>The resource parameter's name in <c>when</c> and <c>unless</c>.</summary>
    public const string GroupParameter = "sg";

    private static readonly HashSet<Type> Allowed =
        [typeof(PermissionFact), typeof(SecurityGroupFact), typeof(PolicyFunctions), typeof(TrafficDirection), typeof(SourceKind)];

    /// <summary>Settings shared by the check and the engine: no auto-registered input types, only the facts and helpers, case-sensitive, no actions.</summary>
    public static ReSettings Settings() => new()
    {
        CustomTypes = [.. Allowed],
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
        AutoExecuteActions = false,
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
        EnableScopedParams = false,

        // FastExpressionCompiler emits IL, which Native AOT cannot run; there the expression
        // interpreter of System.Linq.Expressions takes over.
        UseFastExpressionCompiler = RuntimeFeature.IsDynamicCodeSupported,
    };

    // The parser reports where it stopped, which for an unknown name can be past it; point at the
    // name itself when the message quotes one that occurs in the text.
    private static int Position(string expression, ParseException ex)
    {
        var quoted = ex.Message.Split('\'');
        var name = quoted.Length > 2 ? quoted[1] : "";
        var at = name.Length > 0 ? expression.IndexOf(name, StringComparison.Ordinal) : -1;
        return at >= 0 ? at : ex.Position;
    }

    /// <summary>Checks <paramref name="expression"/>; returns null when it is valid, else the problem and its offset in the text.</summary>
    public static (string Message, int Offset)? Check(string expression, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parameters = scope == ExpressionScope.Element
            ? new[] { Expression.Parameter(typeof(PermissionFact), RuleParameter), Expression.Parameter(typeof(SecurityGroupFact), GroupParameter) }
            : new[] { Expression.Parameter(typeof(SecurityGroupFact), GroupParameter) };
        Expression parsed;
        try
        {
            parsed = new RuleExpressionParser(Settings()).Parse(expression, parameters, typeof(bool));
        }
        catch (ParseException ex)
        {
            var hint = scope == ExpressionScope.Resource && ex.Message.Contains($"'{RuleParameter}'", StringComparison.Ordinal)
                ? " ('unless' is checked once per resource, so only 'sg' is available)"
                : "";
            return (ex.Message.TrimEnd('.') + hint, Position(expression, ex));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (ex.Message.TrimEnd('.'), 0);
        }

        if (parsed.Type != typeof(bool))
        {
            return ($"the expression is of type {parsed.Type.Name}, not a condition (true or false)", 0);
        }

        return ExpressionFence.Check(parsed, Allowed) is { } problem ? (problem, 0) : null;
    }
}
