namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The request context of an HTTP API request.</summary>
/// <param name="Http">The HTTP description.</param>
public sealed record HttpApiRequestContext(HttpApiHttpDescription? Http);
