namespace OpsBot.Functions.Sweep;

/// <summary>The accounts one sweep covers, and where the list came from.</summary>
/// <param name="Accounts">The account ids, each once.</param>
/// <param name="Source"><c>organizations</c>, <c>configured</c> (the listed accounts), or <c>given</c> (passed by the caller).</param>
/// <param name="Error">Why Organizations could not be read and the listed accounts were swept instead; null when it could, or was not asked.</param>
public sealed record SweepAccounts(IReadOnlyList<string> Accounts, string Source, string? Error);
