namespace OpsBot.Rules.Replay;

/// <summary>What one policy would have done over a replayed history.</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="Mode">Its mode (lower case).</param>
/// <param name="Triggered">Events it was evaluated for (its resource type and triggers).</param>
/// <param name="Matched">Events in which it matched a resource.</param>
/// <param name="Acted">Matches it would have remediated without a human (enforce, plan runnable).</param>
/// <param name="Held">Matches held for a human: approve mode, or an enforce plan held back.</param>
/// <param name="Notified">Matches only announced (notify mode).</param>
public sealed record PolicyReplayCounts(string PolicyId, string Mode, int Triggered, int Matched, int Acted, int Held, int Notified)
{
    /// <summary>True when the policy never matched: no coverage from this history.</summary>
    public bool NeverFired => Matched == 0;
}
