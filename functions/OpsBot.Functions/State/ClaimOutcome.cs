namespace OpsBot.Functions.State;

/// <summary>What a claim on an event id came to: the three cases a failed conditional write must tell apart.</summary>
public enum ClaimOutcome
{
    /// <summary>This attempt holds the claim (a new claim, a lapsed lease taken over, or this attempt's own earlier write met again by a retried request).</summary>
    Claimed,

    /// <summary>The event was finished by an earlier delivery: a true duplicate, safe to delete.</summary>
    Done,

    /// <summary>Another attempt holds a live lease: the message must come back later, never be deleted.</summary>
    HeldByAnother,
}
