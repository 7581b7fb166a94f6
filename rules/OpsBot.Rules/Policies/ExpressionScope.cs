namespace OpsBot.Rules.Policies;

/// <summary>Which names an expression may use; the names themselves come from the resource type.</summary>
public enum ExpressionScope
{
    /// <summary><c>when</c>: the selected collection's element (e.g. <c>rule</c>) and its resource (e.g. <c>sg</c>).</summary>
    Element,

    /// <summary><c>unless</c>: the resource only (e.g. <c>sg</c>); an exemption applies to the whole resource.</summary>
    Resource,
}
