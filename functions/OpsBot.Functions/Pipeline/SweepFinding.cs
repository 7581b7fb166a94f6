using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Turns a violation a sweep found into the event the pipeline records it under. Its id is derived
/// from the account, region, resource and the matched elements of each policy (a security-group rule by its rule id), so the same violation always
/// gets the same id (announced once, however many sweeps see it) and a changed one gets a new id.
/// </summary>
public static class SweepFinding
{
    /// <summary>The event name audit records of sweep findings carry.</summary>
    public const string EventName = "OpsBotSweep";

    /// <summary>The sweeper, as the "actor" of its findings.</summary>
    public static Actor Sweeper { get; } = new("OpsBotSweeper", "", "", "", "", "");

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The event for the violations in <paramref name="evaluation"/>; <paramref name="salt"/> (holds on the resource) is part of the id when given.</summary>
    public static CloudTrailEvent Event(string account, string region, ResourceEvaluation evaluation, DateTimeOffset now, string salt = "")
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var fingerprint = new StringBuilder().Append(account).Append('|').Append(region).Append('|').Append(evaluation.ResourceId);
        foreach (var decision in evaluation.Decisions.OrderBy(d => d.Policy.Id, StringComparer.Ordinal))
        {
            fingerprint.Append('|').Append(decision.Policy.Id).Append(':')
                .AppendJoin(',', decision.Elements.Select(e => e is PermissionFact rule ? rule.RuleId ?? rule.ToString() : e.ToString() ?? "").Order(StringComparer.Ordinal));
        }

        if (salt.Length > 0)
        {
            fingerprint.Append("|holds:").Append(salt);
        }

        var id = "sweep-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..32];
        return new CloudTrailEvent
        {
            Id = id,
            Account = account,
            Region = region,
            Time = now,
            EventName = EventName,
            EventSource = "opsbot",
            Actor = Sweeper,
            RequestParameters = EmptyObject,
            ResponseElements = EmptyObject,
        };
    }
}
