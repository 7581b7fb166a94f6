using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>
/// What a button applies to, carried in its <c>value</c>: the event (the audit record and pending
/// actions are keyed by it), the policy and the resource. Written as <c>eventId|policyId|resourceId</c>.
/// </summary>
/// <param name="EventId">The event id.</param>
/// <param name="PolicyId">The policy id.</param>
/// <param name="ResourceId">The resource id.</param>
public sealed record SlackActionValue(string EventId, string PolicyId, string ResourceId)
{
    private const char Separator = '|';

    /// <summary>The button value.</summary>
    public override string ToString() => string.Join(Separator, EventId, PolicyId, ResourceId);

    /// <summary>Reads a button value written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SlackActionValue? result)
    {
        result = null;
        var parts = value?.Split(Separator);
        if (parts is not { Length: 3 } || parts.Any(string.IsNullOrWhiteSpace))
        {
            return false;
        }

        result = new SlackActionValue(parts[0], parts[1], parts[2]);
        return true;
    }
}
