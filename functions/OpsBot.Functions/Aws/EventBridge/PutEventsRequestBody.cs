namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>The body of a <c>PutEvents</c> request.</summary>
public sealed record PutEventsRequestBody(IReadOnlyList<PutEventsEntry> Entries);
