namespace OpsBot.Functions.State;

/// <summary>The violations held in one member account's blast-radius window, as the batch index lists them.</summary>
/// <param name="Key">The batch's key, <c>&lt;account&gt;#&lt;window start, ISO 8601&gt;</c>: what the Release button's audit decision names.</param>
/// <param name="Account">The member account.</param>
/// <param name="WindowStart">When the account's window began.</param>
/// <param name="WindowEnd">When it ends: later violations count in a new window.</param>
/// <param name="Held">How many distinct policy/resource violations were held in the window.</param>
/// <param name="Released">How many of them a release has settled.</param>
/// <param name="ReleasedBy">Who released the batch last; null while never released.</param>
/// <param name="ReleasedAt">When.</param>
public sealed record HeldBatch(string Key, string Account, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int Held, int Released, string? ReleasedBy, DateTimeOffset? ReleasedAt)
{
    /// <summary>Held and not settled by a release.</summary>
    public int Waiting => Math.Max(0, Held - Released);
}
