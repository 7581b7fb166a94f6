using NRules;
using NRules.Diagnostics;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Engine;

/// <summary>
/// Every policy of a set compiled once, at load, into one NRules session factory. Each resource is
/// evaluated in a session of its own: NRules builds no join index, so a session holding many
/// resources would cost time quadratic in their number.
/// </summary>
internal sealed class PolicyEngine
{
    private readonly ISessionFactory _sessions;

    /// <summary>Builds and compiles the rules of <paramref name="policies"/>.</summary>
    /// <exception cref="ArgumentException">A policy's condition does not pass the expression check.</exception>
    public PolicyEngine(IEnumerable<Policy> policies)
    {
        var compiler = new RuleCompiler();

        // Facts are records, equal by value; NRules would take two identical elements for one fact.
        compiler.FactIdentityComparerRegistry.RegisterComparer<PermissionFact>(ReferenceEqualityComparer.Instance);
        compiler.FactIdentityComparerRegistry.RegisterComparer<SecurityGroupFact>(ReferenceEqualityComparer.Instance);
        _sessions = compiler.Compile([.. policies.SelectMany(PolicyRuleBuilder.Build)]);
    }

    /// <summary>
    /// Inserts <paramref name="group"/> and its elements into a new session and fires it. Only the
    /// policies in <paramref name="candidates"/> are asked about: a condition of another policy that
    /// throws counts as false, as if it had not been evaluated.
    /// </summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate policy threw.</exception>
    public FiredRules Run(SecurityGroupFact group, IReadOnlyCollection<Policy> candidates)
    {
        var fired = new FiredRules();
        var session = _sessions.CreateSession();
        session.DependencyResolver = fired;
        string? failed = null;
        session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            var policy = e.Rules.Select(r => PolicyRuleBuilder.PolicyId(r.Name)).FirstOrDefault(id => candidates.Any(c => c.Id == id));
            failed ??= policy;
            e.IsHandled = policy is null;
        };

        try
        {
            session.Insert(group);
            session.InsertAll(group.Ingress);
            session.InsertAll(group.Egress);
        }
        catch (RuleLhsExpressionEvaluationException ex)
        {
            throw new PolicyEvaluationException(failed ?? "(unknown)", ex.InnerException?.Message ?? ex.Message, ex);
        }

        session.Fire();
        return fired;
    }
}
