namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The HTTP description in an HTTP API request context.</summary>
/// <param name="Method">The HTTP method.</param>
public sealed record HttpApiHttpDescription(string? Method);
