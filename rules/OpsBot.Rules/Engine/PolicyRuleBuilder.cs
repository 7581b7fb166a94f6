using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Engine;

/// <summary>
/// Turns a policy into NRules rule definitions. The match rule joins the resource fact
/// (<c>sg</c>, not exempt) with each element of the selected collection (<c>rule</c>) for which
/// <c>when</c> holds; a policy with <c>unless</c> also gets an exemption rule, so that an exempt
/// resource is reported as exempt rather than as compliant.
/// </summary>
internal static class PolicyRuleBuilder
{
    private const string FiredParameter = "fired";

    // Written as C# lambdas so the compiler builds typed trees (no reflection, no AOT warnings).
    private static readonly Expression<Func<PermissionFact, bool>> IsIngress = rule => rule.Direction == TrafficDirection.Ingress;
    private static readonly Expression<Func<PermissionFact, bool>> IsEgress = rule => rule.Direction == TrafficDirection.Egress;
    private static readonly Expression<Action<IContext, PermissionFact, FiredRules>> RecordMatch = (ctx, rule, fired) => fired.Matched(ctx.Rule.Name, rule);
    private static readonly Expression<Action<IContext, SecurityGroupFact, FiredRules>> RecordExemption = (ctx, sg, fired) => fired.Exempted(PolicyId(ctx.Rule.Name));

    private const string ExemptionSuffix = "#unless";

    /// <summary>The rules for <paramref name="policy"/>: its match rule, then its exemption rule if it has <c>unless</c>.</summary>
    /// <exception cref="ArgumentException">A condition does not pass the expression check.</exception>
    public static IEnumerable<IRuleDefinition> Build(Policy policy)
    {
        var unless = policy.Unless is null ? null : PolicyExpressionCompiler.ParseUnless(policy.Unless);
        yield return MatchRule(policy, PolicyExpressionCompiler.ParseWhen(policy.When), unless);
        if (unless is not null)
        {
            yield return ExemptionRule(policy, unless);
        }
    }

    /// <summary>The policy id a rule of <see cref="Build"/> belongs to.</summary>
    public static string PolicyId(string ruleName) =>
        ruleName.EndsWith(ExemptionSuffix, StringComparison.Ordinal) ? ruleName[..^ExemptionSuffix.Length] : ruleName;

    private static IRuleDefinition MatchRule(Policy policy, Expression<Func<PermissionFact, SecurityGroupFact, bool>> when, Expression<Func<SecurityGroupFact, bool>>? unless)
    {
        var builder = Named(policy, policy.Id);
        builder.Dependencies().Dependency(typeof(FiredRules), FiredParameter);
        var lhs = builder.LeftHandSide();
        var group = lhs.Pattern(typeof(SecurityGroupFact), PolicyExpressionCompiler.GroupParameter);
        if (unless is not null)
        {
            group.Condition(Expression.Lambda<Func<SecurityGroupFact, bool>>(Expression.Not(unless.Body), unless.Parameters));
        }

        var element = lhs.Pattern(typeof(PermissionFact), PolicyExpressionCompiler.RuleParameter);
        element.Condition(policy.Select == TrafficDirection.Ingress ? IsIngress : IsEgress);

        // `when` keeps both parameters even when it names only `rule`: NRules then evaluates it as a
        // join, after the group passed `unless`, so an exempt group never runs it (as before).
        element.Condition(when);
        builder.RightHandSide().Action(RecordMatch);
        return builder.Build();
    }

    private static IRuleDefinition ExemptionRule(Policy policy, Expression<Func<SecurityGroupFact, bool>> unless)
    {
        var builder = Named(policy, policy.Id + ExemptionSuffix);
        builder.Dependencies().Dependency(typeof(FiredRules), FiredParameter);
        builder.LeftHandSide().Pattern(typeof(SecurityGroupFact), PolicyExpressionCompiler.GroupParameter).Condition(unless);
        builder.RightHandSide().Action(RecordExemption);
        return builder.Build();
    }

    private static RuleBuilder Named(Policy policy, string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(policy.Title);
        return builder;
    }
}
