namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A section: a text and/or up to ten two-column fields.</summary>
/// <param name="Text">The main text (at most <see cref="BlockKitLimits.SectionText"/> characters), or null when only fields are shown.</param>
/// <param name="Fields">Up to <see cref="BlockKitLimits.SectionFields"/> fields, each at most <see cref="BlockKitLimits.FieldText"/> characters; null for none.</param>
public sealed record SectionBlock(SlackText? Text, IReadOnlyList<SlackText>? Fields = null) : SlackBlock;
