using System.Linq.Expressions;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>Every node of a parsed condition, in visiting order, for checks that look at its shape.</summary>
internal sealed class ExpressionNodes : ExpressionVisitor
{
    private readonly List<Expression> _nodes = [];

    /// <summary>The nodes of <paramref name="expression"/>, itself included.</summary>
    public static IReadOnlyList<Expression> Of(Expression expression)
    {
        var walker = new ExpressionNodes();
        walker.Visit(expression);
        return walker._nodes;
    }

    /// <summary><paramref name="node"/> without the conversions the parser wraps around operands (int to double, nullable).</summary>
    public static Expression Unwrap(Expression node)
    {
        while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            node = convert.Operand;
        }

        return node;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is not null)
        {
            _nodes.Add(node);
        }

        return base.Visit(node);
    }
}
