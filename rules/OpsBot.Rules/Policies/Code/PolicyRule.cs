using NRules.Fluent.Dsl;
using NRules.RuleModel;
using OpsBot.Rules.Engine;

namespace OpsBot.Rules.Policies.Code;

/// <summary>
/// A policy condition written in C#, as an NRules fluent rule, for what a YAML <c>when</c> cannot
/// say (conditions over several elements at once, aggregates, the absence of an element). A policy
/// file names it with <c>rule: ClassName</c> instead of <c>when</c>; the file keeps the metadata (id,
/// title, severity, triggers, select, unless, remediation, notify), so the policy is validated,
/// listed, tested by <c>opsbot test</c> cases and compiled into the same session factory as the
/// YAML ones. Derive, put the class in this folder, and in <see cref="DefineRule"/> match the
/// resource and elements with <c>When()</c> and record each matched element with
/// <c>Then().Do(ctx =&gt; Matched(ctx, element))</c>. The session holds one resource and the
/// elements of its collections; only elements of the policy's <c>select</c> collection count.
/// </summary>
public abstract class PolicyRule : Rule
{
    /// <summary>The resource type whose facts the rule matches, e.g. <c>aws.ec2.security-group</c>.</summary>
    public abstract string ResourceType { get; }

    /// <summary>The element fact the rule reports, e.g. <c>PermissionFact</c>; the policy's <c>select</c> must be a collection of it.</summary>
    public abstract Type ElementType { get; }

    /// <summary>The name a policy file gives in <c>rule:</c>: the class name.</summary>
    public string RuleName => GetType().Name;

    /// <summary>The id of the policy this instance belongs to, set before it is defined.</summary>
    internal string PolicyId { get; set; } = "";

    /// <inheritdoc />
    public sealed override void Define()
    {
        Name(PolicyId.Length > 0 ? PolicyId : RuleName);
        DefineRule();
    }

    /// <summary>The rule: <c>When()</c> patterns over the resource and its elements, and <c>Then()</c> recording the matches.</summary>
    protected abstract void DefineRule();

    /// <summary>Records <paramref name="element"/> as matched by the policy of the firing rule.</summary>
    protected static void Matched(IContext context, object element)
    {
        ArgumentNullException.ThrowIfNull(context);
        ((FiredRules)context.Resolve(typeof(FiredRules))).Matched(PolicyRuleNames.PolicyId(context.Rule.Name), element);
    }

    /// <summary>Records every one of <paramref name="elements"/> as matched.</summary>
    protected static void MatchedAll(IContext context, IEnumerable<object> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var element in elements)
        {
            Matched(context, element);
        }
    }
}
