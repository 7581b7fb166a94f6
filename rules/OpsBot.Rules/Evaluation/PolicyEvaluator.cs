using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Evaluation;

/// <summary>
/// Evaluates policies against a security group's live state through the rules engine: one NRules
/// session per group holds the group and its elements; each policy's rule reports the elements its
/// <c>when</c> matched, and its exemption rule whether <c>unless</c> held.
/// </summary>
public sealed class PolicyEvaluator(PolicySet policies)
{
    /// <summary>Evaluates <paramref name="candidates"/> (all policies of the set when null) against <paramref name="group"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate threw.</exception>
    public ValueTask<ResourceEvaluation> EvaluateAsync(SecurityGroupFact group, IReadOnlyList<Policy>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var asked = candidates ?? policies.All;
        var fired = policies.Engine.Run(group, asked);
        var decisions = new List<PolicyDecision>();
        var skips = new List<PolicySkip>();
        foreach (var policy in asked)
        {
            if (fired.IsExempt(policy.Id))
            {
                skips.Add(new PolicySkip(policy.Id, group.GroupId, SkipReason.Exempt, $"`{policy.Unless}` holds for {group.GroupId}"));
                continue;
            }

            var matches = fired.Matches(policy.Id, group.Permissions(policy.Select));
            if (matches.Count == 0)
            {
                skips.Add(new PolicySkip(policy.Id, group.GroupId, SkipReason.Compliant, $"no {Direction(policy)} rule of {group.GroupId} matches `{policy.When}`"));
            }
            else
            {
                decisions.Add(new PolicyDecision(policy, group.GroupId, matches, Explain(policy, group, matches)));
            }
        }

        return ValueTask.FromResult(new ResourceEvaluation(group.GroupId, decisions, skips));
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
