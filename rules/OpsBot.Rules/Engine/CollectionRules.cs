using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Engine;

/// <summary>
/// Turns a policy that selects one collection into NRules rule definitions. The match rule joins the
/// resource fact (not exempt) with each element of the collection for which <c>when</c> holds. The
/// exemption rule of an <c>unless</c> records that it held, so that an exempt resource is reported as
/// exempt rather than as compliant; the policies of a type that share an <c>unless</c> share its rule.
/// </summary>
/// <typeparam name="TResource">The resource fact.</typeparam>
/// <typeparam name="TElement">The element fact.</typeparam>
internal sealed class CollectionRules<TResource, TElement>(IResourceType resourceType, ElementCollection<TResource, TElement> collection) : ICollectionRules
    where TResource : class
    where TElement : class
{
    private const string FiredParameter = "fired";

    // Written as C# lambdas so the compiler builds typed trees (no reflection, no AOT warnings).
    private static readonly Expression<Action<IContext, TElement, FiredRules>> RecordMatch = (ctx, element, fired) => fired.Matched(ctx.Rule.Name, element);
    private static readonly Expression<Action<IContext, TResource, FiredRules>> RecordExemption = (ctx, resource, fired) => fired.Exempted(ctx.Rule.Name);

    /// <inheritdoc />
    public IRuleDefinition Build(Policy policy)
    {
        var unless = policy.Unless is null ? null : PolicyExpressionCompiler.ParseUnless<TResource>(policy.Unless, resourceType);
        return MatchRule(policy, PolicyExpressionCompiler.ParseWhen<TElement, TResource>(policy.When, resourceType, collection), unless);
    }

    /// <inheritdoc />
    public IRuleDefinition BuildExemption(string unless, string ruleName, string description) =>
        ExemptionRule(ruleName, description, PolicyExpressionCompiler.ParseUnless<TResource>(unless, resourceType));

    /// <inheritdoc />
    public void RegisterFactIdentity(RuleCompiler compiler)
    {
        // Facts are records, equal by value; NRules would take two identical elements for one fact.
        compiler.FactIdentityComparerRegistry.RegisterComparer<TResource>(ReferenceEqualityComparer.Instance);
        compiler.FactIdentityComparerRegistry.RegisterComparer<TElement>(ReferenceEqualityComparer.Instance);
    }

    private IRuleDefinition MatchRule(Policy policy, Expression<Func<TElement, TResource, bool>> when, Expression<Func<TResource, bool>>? unless)
    {
        var builder = Named(policy.Id, policy.Title);
        builder.Dependencies().Dependency(typeof(FiredRules), FiredParameter);
        var lhs = builder.LeftHandSide();
        var resource = lhs.Pattern(typeof(TResource), resourceType.Variable);
        if (unless is not null)
        {
            resource.Condition(Expression.Lambda<Func<TResource, bool>>(Expression.Not(unless.Body), unless.Parameters));
        }

        var element = lhs.Pattern(typeof(TElement), collection.Variable);
        if (collection.TypedMembership is { } membership)
        {
            element.Condition(membership);
        }

        // `when` keeps both parameters even when it names only the element: NRules then evaluates it
        // as a join, after the resource passed `unless`, so an exempt resource never runs it.
        element.Condition(when);
        builder.RightHandSide().Action(ParameterNames.Rename(RecordMatch, "ctx", collection.Variable, FiredParameter));
        return builder.Build();
    }

    private IRuleDefinition ExemptionRule(string ruleName, string description, Expression<Func<TResource, bool>> unless)
    {
        var builder = Named(ruleName, description);
        builder.Dependencies().Dependency(typeof(FiredRules), FiredParameter);
        builder.LeftHandSide().Pattern(typeof(TResource), resourceType.Variable).Condition(unless);
        builder.RightHandSide().Action(ParameterNames.Rename(RecordExemption, "ctx", resourceType.Variable, FiredParameter));
        return builder.Build();
    }

    private static RuleBuilder Named(string name, string description)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(description);
        return builder;
    }
}
