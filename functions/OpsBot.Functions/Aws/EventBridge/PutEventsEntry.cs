namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>One entry of a <c>PutEvents</c> request (EventBridge JSON 1.1 wire shape).</summary>
public sealed record PutEventsEntry(string Source, string DetailType, string Detail, string EventBusName);
