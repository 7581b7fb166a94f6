namespace OpsBot.Rules.Policies;

/// <summary>Which names an expression may use.</summary>
public enum ExpressionScope
{
    /// <summary><c>when</c>: <c>rule</c> (the element) and <c>sg</c> (its group).</summary>
    Element,

    /// <summary><c>unless</c>: <c>sg</c> only; an exemption applies to the whole resource.</summary>
    Resource,
}
