namespace OpsBot.Functions.Pipeline;

/// <summary>The outcome of <see cref="OwnActions.CheckAsync"/> for one event.</summary>
/// <param name="Kind">Whose call it was.</param>
/// <param name="Detail">A sentence for the audit record (the skip reason, or the suspicion shown in the alert); empty for <see cref="OwnActionKind.NotOwn"/>.</param>
public sealed record OwnActionCheck(OwnActionKind Kind, string Detail)
{
    /// <summary>Not OpsBot's role.</summary>
    public static OwnActionCheck NotOwn { get; } = new(OwnActionKind.NotOwn, "");
}
