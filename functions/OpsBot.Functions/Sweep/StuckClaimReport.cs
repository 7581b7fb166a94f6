namespace OpsBot.Functions.Sweep;

/// <summary>What the stuck-claims check found.</summary>
/// <param name="Count">Claims still processing an hour past their lease.</param>
/// <param name="EventIds">The oldest of their event ids, at most <see cref="StuckClaimCheck.MaxListed"/>.</param>
public sealed record StuckClaimReport(int Count, IReadOnlyList<string> EventIds);
