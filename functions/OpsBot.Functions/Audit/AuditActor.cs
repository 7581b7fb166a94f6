using OpsBot.Rules.Events;

namespace OpsBot.Functions.Audit;

/// <summary>Who made the call, as CloudTrail recorded it.</summary>
/// <param name="Arn">The <c>userIdentity</c> ARN.</param>
/// <param name="Type">The identity type (IAMUser, AssumedRole…).</param>
/// <param name="AccountId">The caller's account.</param>
/// <param name="SourceIp">The caller's source IP address (or calling service).</param>
/// <param name="UserAgent">The caller's user agent.</param>
public sealed record AuditActor(string Arn, string Type, string AccountId, string SourceIp, string UserAgent)
{
    /// <summary>
    /// Why the call is suspicious, shown with the actor in the alert; null when it is not (e.g. a call
    /// made with OpsBot's member role that OpsBot has no record of making).
    /// </summary>
    public string? Suspicion { get; init; }

    /// <summary>Nobody known (rejected events).</summary>
    public static AuditActor Unknown { get; } = new("", "", "", "", "");

    /// <summary>The audit form of an event's actor.</summary>
    public static AuditActor From(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(actor.Arn, actor.Type, actor.AccountId, actor.SourceIp, actor.UserAgent);
    }
}
