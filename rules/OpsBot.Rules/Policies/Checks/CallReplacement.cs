using System.Linq.Expressions;
using System.Reflection;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>Rewrites a condition with every call to some methods replaced by a constant, to see what those calls decide.</summary>
internal sealed class CallReplacement : ExpressionVisitor
{
    private readonly Func<MethodInfo, bool> _replaced;
    private readonly object _value;

    private CallReplacement(Func<MethodInfo, bool> replaced, object value)
    {
        _replaced = replaced;
        _value = value;
    }

    /// <summary><paramref name="expression"/> with each call to a method <paramref name="replaced"/> accepts turned into <paramref name="value"/>.</summary>
    public static T Apply<T>(T expression, Func<MethodInfo, bool> replaced, object value)
        where T : Expression => (T)new CallReplacement(replaced, value).Visit(expression);

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        _replaced(node.Method) && node.Type == _value.GetType() ? Expression.Constant(_value) : base.VisitMethodCall(node);
}
