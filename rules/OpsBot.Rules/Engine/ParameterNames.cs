using System.Linq.Expressions;

namespace OpsBot.Rules.Engine;

/// <summary>
/// Gives a lambda's parameters new names. NRules binds an action's parameters to the patterns by
/// name, and the names (<c>rule</c>, <c>grant</c>, …) are the resource type's to declare, so the
/// actions are written once as C# lambdas and renamed per collection, staying typed trees.
/// </summary>
internal sealed class ParameterNames : ExpressionVisitor
{
    private readonly Dictionary<ParameterExpression, ParameterExpression> _renamed;

    private ParameterNames(Dictionary<ParameterExpression, ParameterExpression> renamed) => _renamed = renamed;

    /// <summary><paramref name="lambda"/> with its parameters called <paramref name="names"/>, in order.</summary>
    public static Expression<T> Rename<T>(Expression<T> lambda, params string[] names)
    {
        var renamed = lambda.Parameters.Select((p, i) => (Old: p, New: Expression.Parameter(p.Type, names[i]))).ToDictionary(x => x.Old, x => x.New);
        var body = new ParameterNames(renamed).Visit(lambda.Body);
        return Expression.Lambda<T>(body, lambda.Parameters.Select(p => renamed[p]));
    }

    protected override Expression VisitParameter(ParameterExpression node) => _renamed.GetValueOrDefault(node, node);
}
