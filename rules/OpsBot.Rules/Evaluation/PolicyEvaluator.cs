using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using RulesEngine.Models;

namespace OpsBot.Rules.Evaluation;

/// <summary>
/// Evaluates policies against a security group's live state through the rules engine: <c>unless</c>
/// once per group, then <c>when</c> for every element of the selected direction.
/// </summary>
public sealed class PolicyEvaluator(PolicySet policies)
{
    /// <summary>Evaluates <paramref name="candidates"/> (all policies of the set when null) against <paramref name="group"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition threw.</exception>
    public async ValueTask<ResourceEvaluation> EvaluateAsync(SecurityGroupFact group, IReadOnlyList<Policy>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var decisions = new List<PolicyDecision>();
        var skips = new List<PolicySkip>();
        var groupParameter = new RuleParameter(PolicyExpressionCompiler.GroupParameter, group);
        foreach (var policy in candidates ?? policies.All)
        {
            if (policy.Unless is not null && await IsTrueAsync(policy, policy.UnlessWorkflow, [groupParameter]))
            {
                skips.Add(new PolicySkip(policy.Id, group.GroupId, SkipReason.Exempt, $"`{policy.Unless}` holds for {group.GroupId}"));
                continue;
            }

            var matches = new List<PermissionFact>();
            foreach (var element in group.Permissions(policy.Select))
            {
                if (await IsTrueAsync(policy, policy.WhenWorkflow, [new RuleParameter(PolicyExpressionCompiler.RuleParameter, element), groupParameter]))
                {
                    matches.Add(element);
                }
            }

            if (matches.Count == 0)
            {
                skips.Add(new PolicySkip(policy.Id, group.GroupId, SkipReason.Compliant, $"no {Direction(policy)} rule of {group.GroupId} matches `{policy.When}`"));
            }
            else
            {
                decisions.Add(new PolicyDecision(policy, group.GroupId, matches, Explain(policy, group, matches)));
            }
        }

        return new ResourceEvaluation(group.GroupId, decisions, skips);
    }

    private async ValueTask<bool> IsTrueAsync(Policy policy, string workflow, RuleParameter[] parameters)
    {
        var results = await policies.Engine.ExecuteAllRulesAsync(workflow, parameters);
        var result = results[0];
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            throw new PolicyEvaluationException(policy.Id, result.ExceptionMessage);
        }

        return result.IsSuccess;
    }

    private static List<string> Explain(Policy policy, SecurityGroupFact group, List<PermissionFact> matches)
    {
        var lines = new List<string>(matches.Count + 2)
        {
            $"policy {policy.Id} ({policy.Severity.ToString().ToLowerInvariant()}): {policy.Title}",
            $"`{policy.When}` is true for {matches.Count} {Direction(policy)} rule(s) of {group.GroupId}:",
        };
        lines.AddRange(matches.Select(m => $"  {m}{(m.IsOpenToInternet ? $" [open to the internet: {m.PublicAddressShare:P1} of public addresses alone]" : "")}"));
        if (policy.Unless is not null)
        {
            lines.Add($"not exempt: `{policy.Unless}` is false");
        }

        return lines;
    }

    private static string Direction(Policy policy) => policy.Select == TrafficDirection.Ingress ? "ingress" : "egress";
}
