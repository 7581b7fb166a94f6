namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>One entry's result: an event id, or an error code and message.</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);
