using System.Linq.Expressions;
using System.Reflection;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Walks a parsed policy expression and refuses anything outside the fact records, the policy
/// helpers and <see cref="string"/>: reflection (<c>GetType()</c>, <c>Type</c>, <c>Assembly</c>),
/// LINQ and other BCL members (which the Native AOT build does not keep).
/// </summary>
internal sealed class ExpressionFence : ExpressionVisitor
{
    private readonly IReadOnlySet<Type> _allowed;
    private readonly string _helpers;

    private ExpressionFence(IReadOnlySet<Type> allowed, string helpers)
    {
        _allowed = allowed;
        _helpers = helpers;
    }

    public string? Problem { get; private set; }

    /// <summary>The first forbidden construct in <paramref name="expression"/>, or null when it is clean.</summary>
    /// <param name="expression">The parsed condition.</param>
    /// <param name="allowed">The types whose members it may use, besides <see cref="string"/>.</param>
    /// <param name="helpers">Where to look instead, named in the refusal, e.g. "rule.…, sg.…".</param>
    public static string? Check(Expression expression, IReadOnlySet<Type> allowed, string helpers)
    {
        var fence = new ExpressionFence(allowed, helpers);
        fence.Visit(expression);
        return fence.Problem;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Require(node.Method, node.Method.DeclaringType);
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Require(node.Member, node.Member.DeclaringType);
        return base.VisitMember(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Assembly)
        {
            Refuse("reaches reflection (a Type or member constant); policies may use only the fact records and PolicyFunctions");
        }

        return base.VisitConstant(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        Refuse($"creates a {node.Type.Name}; policies may only read facts");
        return base.VisitNew(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        // The parser wraps the whole condition in one lambda; any lambda inside it comes from
        // LINQ-style calls, which are refused at the call itself.
        return base.VisitLambda(node);
    }

    private void Require(MemberInfo member, Type? declaringType)
    {
        if (member.Name == nameof(GetType) || IsReflection(declaringType) || IsReflection((member as MethodInfo)?.ReturnType) || IsReflection((member as PropertyInfo)?.PropertyType))
        {
            Refuse($"reaches reflection ('{member.Name}'); policies may use only the fact records and PolicyFunctions");
            return;
        }

        if (declaringType is null || !(_allowed.Contains(declaringType) || declaringType == typeof(string) || IsNullable(declaringType)))
        {
            Refuse($"uses '{member.Name}' of {declaringType?.Name ?? "an unknown type"}, which policies cannot call; use the fact helpers ({_helpers}) instead");
        }
    }

    private static bool IsReflection(Type? type) =>
        type is not null && (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) ||
                             type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true ||
                             type == typeof(RuntimeTypeHandle) || type == typeof(AppDomain));

    private static bool IsNullable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>);

    private void Refuse(string problem) => Problem ??= problem;
}
