namespace OpsBot.Functions.Tests.Delivery;

/// <summary>What a fault-injection run came to, counted from moto and the queues, not from OpsBot's own word.</summary>
public sealed record DeliveryOutcome
{
    /// <summary>Events with neither a final audit record nor a message in the dead-letter queue.</summary>
    public required int EventsLost { get; init; }

    /// <summary>What is known of each lost event (its audit record and claim), to say why.</summary>
    public required IReadOnlyList<string> LostEvents { get; init; }

    /// <summary>Events that ended in the dead-letter queue.</summary>
    public required int InDeadLetterQueue { get; init; }

    /// <summary>Groups still open to SSH from the internet.</summary>
    public required int GroupsLeftOpen { get; init; }

    /// <summary>Groups whose HTTPS rule (matched by no policy) is gone.</summary>
    public required int HttpsRulesTouched { get; init; }

    /// <summary>Revoke calls that took effect at EC2 (answered 200, whether or not the answer arrived).</summary>
    public required int EffectiveRevokes { get; init; }

    /// <summary>Remediated events, per the final audit records.</summary>
    public required int Remediated { get; init; }

    /// <summary>Remediated events with exactly one distinct SNS alert (by announcement id).</summary>
    public required int EventsWithOneAlert { get; init; }

    /// <summary>Remediated events with exactly one distinct decided result event.</summary>
    public required int EventsWithOneResultEvent { get; init; }

    /// <summary>Alerts that arrived more than once with the same announcement id (a send whose answer was lost).</summary>
    public required int AlertCopies { get; init; }

    /// <summary>Result events that arrived more than once for the same event.</summary>
    public required int ResultEventCopies { get; init; }

    /// <summary>Audit records whose outbox gave an announcement up.</summary>
    public required int AnnouncementsGivenUp { get; init; }

    /// <summary>Worker processes started, killed ones included.</summary>
    public required int Workers { get; init; }

    /// <summary>Messages received by workers, redeliveries included.</summary>
    public required int Receives { get; init; }

    /// <summary>Calls the proxy saw, and what it injected.</summary>
    public required string Faults { get; init; }

    /// <summary>Retries of the hand-written clients, per service.</summary>
    public required string Retries { get; init; }

    /// <summary>How long the run took.</summary>
    public required TimeSpan Elapsed { get; init; }
}
