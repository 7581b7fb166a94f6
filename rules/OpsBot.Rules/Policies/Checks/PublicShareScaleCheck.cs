using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>
/// A comparison of <c>rule.PublicAddressShare</c> (or <c>PolicyFunctions.PublicShare(…)</c>) with a
/// constant above 1. The share is a fraction from 0 to 1, so <c>rule.PublicAddressShare &gt;= 50</c>,
/// written as a percentage, never matches. Found from the expression's shape.
/// </summary>
internal sealed class PublicShareScaleCheck : IPolicyCheck
{
    private static readonly MemberInfo[] Shares =
    [
        typeof(PermissionFact).GetProperty(nameof(PermissionFact.PublicAddressShare))!,
        typeof(PolicyFunctions).GetMethod(nameof(PolicyFunctions.PublicShare))!,
    ];

    public string Name => "share-above-one";

    public string Summary => "a public address share (a fraction from 0 to 1) is compared with a number above 1, as if it were a percentage";

    public string? Inspect(PolicyCheckSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var condition = PolicyExpressionCompiler.ParseWhen(subject.Policy.When, subject.ResourceType, subject.Collection);
        foreach (var comparison in ExpressionNodes.Of(condition.Body).OfType<BinaryExpression>().Where(IsComparison))
        {
            var (left, right) = (ExpressionNodes.Unwrap(comparison.Left), ExpressionNodes.Unwrap(comparison.Right));
            var (share, constant) = IsShare(left) ? (left, right) : IsShare(right) ? (right, left) : (null, null);
            if (share is not null && constant is ConstantExpression { Value: IConvertible value } &&
                System.Convert.ToDouble(value, CultureInfo.InvariantCulture) is var bound && bound > 1)
            {
                var name = share is MemberExpression ? "PublicAddressShare" : "PublicShare(…)";
                return $"'when' compares {name} with {bound.ToString(CultureInfo.InvariantCulture)}, but a share is a fraction from 0 to 1 " +
                       $"(1 is all public addresses), so the comparison is the same for every rule; for {bound.ToString(CultureInfo.InvariantCulture)}% " +
                       $"write {(bound / 100).ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }

    private static bool IsComparison(BinaryExpression node) => node.NodeType is
        ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.LessThan or
        ExpressionType.LessThanOrEqual or ExpressionType.Equal or ExpressionType.NotEqual;

    private static bool IsShare(Expression node) =>
        (node is MemberExpression member && Shares.Contains(member.Member)) ||
        (node is MethodCallExpression call && Shares.Contains(call.Method));
}
