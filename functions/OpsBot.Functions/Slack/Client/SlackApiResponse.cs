namespace OpsBot.Functions.Slack.Client;

/// <summary>The envelope of every Slack Web API answer: <c>ok</c>, and <c>error</c> when not.</summary>
internal sealed record SlackApiResponse
{
    /// <summary>True when the call succeeded.</summary>
    public bool Ok { get; init; }

    /// <summary>Slack's error code when <see cref="Ok"/> is false, e.g. <c>channel_not_found</c>.</summary>
    public string? Error { get; init; }

    /// <summary>The channel id the message is in (postMessage, update).</summary>
    public string? Channel { get; init; }

    /// <summary>The message's ts (postMessage, update).</summary>
    public string? Ts { get; init; }

    /// <summary>The members of a user group (usergroups.users.list).</summary>
    public IReadOnlyList<string>? Users { get; init; }
}
