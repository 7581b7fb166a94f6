namespace OpsBot.Functions.Tests.Slack;

/// <summary>A request the Slack stand-in received.</summary>
internal sealed record ReceivedRequest(string Path, string? Authorization, string Body, DateTimeOffset At);
