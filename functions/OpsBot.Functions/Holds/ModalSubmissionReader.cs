using System.Text.Json;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Holds;

/// <summary>
/// Reads a submitted Undo or Exempt modal from an interaction's <c>payload</c> JSON
/// (<c>type: view_submission</c>): the modal's <c>callback_id</c>, the target in <c>private_metadata</c>,
/// and the values in <c>view.state.values</c>. Anything else is refused with what is wrong.
/// </summary>
public static class ModalSubmissionReader
{
    /// <summary>True when <paramref name="payloadJson"/> is a <c>view_submission</c> (whatever else it holds).</summary>
    public static bool IsSubmission(string payloadJson)
    {
        try
        {
            using var json = JsonDocument.Parse(payloadJson);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "view_submission";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The submission in <paramref name="payloadJson"/>.</summary>
    /// <exception cref="MalformedInteractionException">It is not a submitted OpsBot modal; says what is wrong.</exception>
    public static ModalSubmission Read(string payloadJson)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(payloadJson);
        }
        catch (JsonException ex)
        {
            throw new MalformedInteractionException($"the payload is not valid JSON ({ex.Message})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (Text(root, "type") != "view_submission")
            {
                throw new MalformedInteractionException("the payload is not a view_submission");
            }

            var userId = root.TryGetProperty("user", out var user) ? Text(user, "id") : null;
            if (string.IsNullOrWhiteSpace(userId))
            {
                throw new MalformedInteractionException("the submission has no user.id");
            }

            if (!root.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedInteractionException("the submission has no view");
            }

            var callback = Text(view, "callback_id");
            var kind = callback switch
            {
                HoldModals.UndoCallback => ClickKind.Undo,
                HoldModals.ExemptCallback => ClickKind.Exempt,
                _ => throw new MalformedInteractionException($"callback_id '{Shorten(callback)}' is not an OpsBot modal"),
            };
            var (target, message) = Metadata(Text(view, "private_metadata"));
            var values = view.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object && state.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object
                ? v
                : throw new MalformedInteractionException("the submission has no view.state.values");
            var reason = Input(values, HoldModals.ReasonBlock, "value")?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                throw new MalformedInteractionException($"the submission has no reason (view.state.values.{HoldModals.ReasonBlock})");
            }

            if (reason.Length > HoldModals.ReasonMax)
            {
                throw new MalformedInteractionException($"the reason is {reason.Length} characters long; at most {HoldModals.ReasonMax} are accepted");
            }

            string? duration = null;
            if (kind == ClickKind.Exempt)
            {
                duration = Input(values, HoldModals.DurationBlock, "selected_option") ?? throw new MalformedInteractionException($"the exemption has no duration (view.state.values.{HoldModals.DurationBlock}.selected_option.value)");
            }

            return new ModalSubmission(kind, callback!, target, userId, reason, duration, message);
        }
    }

    private static (SlackActionValue Target, SlackMessageLocation? Message) Metadata(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata))
        {
            throw new MalformedInteractionException("the modal has no private_metadata, so OpsBot cannot tell what it is about");
        }

        try
        {
            using var json = JsonDocument.Parse(metadata);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !SlackActionValue.TryParse(Text(root, "target"), out var target))
            {
                throw new MalformedInteractionException("private_metadata names no target (eventId|policyId|resourceId)");
            }

            var (channel, ts) = (Text(root, "channel"), Text(root, "ts"));
            return (target, string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(ts) ? null : new SlackMessageLocation(channel, ts));
        }
        catch (JsonException)
        {
            throw new MalformedInteractionException("private_metadata is not OpsBot's JSON");
        }
    }

    // values.<block>.<action>.value, or .selected_option.value for a select.
    private static string? Input(JsonElement values, string block, string field)
    {
        if (!values.TryGetProperty(block, out var b) || b.ValueKind != JsonValueKind.Object || !b.TryGetProperty(block, out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (field == "selected_option")
        {
            return action.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object ? Text(option, "value") : null;
        }

        return Text(action, field);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 80 ? text : text[..80] + "…";
}
