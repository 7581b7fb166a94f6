namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The parts of a Slack <c>block_actions</c> interaction payload OpsBot reads.</summary>
public sealed record SlackInteractionPayload
{
    /// <summary>The interaction type; OpsBot handles <c>block_actions</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Who clicked.</summary>
    public SlackInteractionUser? User { get; init; }

    /// <summary>The actions; a button click has one.</summary>
    public IReadOnlyList<SlackInteractionAction>? Actions { get; init; }

    /// <summary>Where to answer (valid 30 minutes, 5 times).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>The message the button is on.</summary>
    public SlackInteractionContainer? Container { get; init; }

    /// <summary>Opens a modal in answer to the click (valid 3 seconds).</summary>
    public string? TriggerId { get; init; }

    /// <summary>The channel the message is in.</summary>
    public SlackInteractionChannel? Channel { get; init; }
}
