namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>The body of a <c>PutEvents</c> response: per-entry results in request order.</summary>
public sealed record PutEventsResponseBody(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry>? Entries);
