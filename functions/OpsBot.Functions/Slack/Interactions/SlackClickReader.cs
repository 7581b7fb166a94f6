using System.Text.Json;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Slack.Interactions;

/// <summary>
/// Reads a button click from an interaction request body: <c>application/x-www-form-urlencoded</c>
/// with one field, <c>payload</c>, holding the JSON of a <c>block_actions</c> interaction.
/// </summary>
public static class SlackClickReader
{
    /// <summary>The click in <paramref name="formBody"/>.</summary>
    /// <exception cref="MalformedInteractionException">The body is not an OpsBot button click; says what is wrong.</exception>
    public static SlackClick Read(string formBody)
    {
        var json = FormField(formBody ?? "", "payload") ?? throw new MalformedInteractionException("the body has no 'payload' form field");
        SlackInteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackInteractionJsonContext.Default.SlackInteractionPayload);
        }
        catch (JsonException ex)
        {
            throw new MalformedInteractionException($"the payload is not valid JSON ({ex.Message})");
        }

        if (payload is null)
        {
            throw new MalformedInteractionException("the payload is null");
        }

        if (payload.Type != "block_actions")
        {
            throw new MalformedInteractionException($"interaction type '{Shorten(payload.Type)}' is not handled (only block_actions)");
        }

        var userId = payload.User?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new MalformedInteractionException("the payload has no user.id");
        }

        if (payload.Actions is not { Count: > 0 } actions)
        {
            throw new MalformedInteractionException("the payload has no actions");
        }

        var action = actions[0];
        var kind = action.ActionId switch
        {
            SlackActionIds.Approve => ClickKind.Approve,
            SlackActionIds.Deny => ClickKind.Deny,
            SlackActionIds.Undo => ClickKind.Undo,
            SlackActionIds.Exempt => ClickKind.Exempt,
            SlackActionIds.ReleaseHeld => ClickKind.ReleaseHeld,
            SlackActionIds.ResetBreaker => ClickKind.ResetBreaker,
            _ => throw new MalformedInteractionException($"action_id '{Shorten(action.ActionId)}' is not an OpsBot button"),
        };
        if (!SlackActionValue.TryParse(action.Value, out var target))
        {
            throw new MalformedInteractionException($"button value '{Shorten(action.Value)}' is not eventId|policyId|resourceId");
        }

        Uri? responseUrl = null;
        if (!string.IsNullOrEmpty(payload.ResponseUrl)
            && (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out responseUrl) || (responseUrl.Scheme != Uri.UriSchemeHttps && responseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new MalformedInteractionException("response_url is not an absolute http(s) URL");
        }

        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id;
        var ts = payload.Container?.MessageTs;
        var message = string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(ts) ? null : new SlackMessageLocation(channel, ts);
        return new SlackClick(kind, action.ActionId!, target, userId, responseUrl, message, string.IsNullOrEmpty(payload.TriggerId) ? null : payload.TriggerId);
    }

    /// <summary>The <c>payload</c> form field of <paramref name="formBody"/>.</summary>
    /// <exception cref="MalformedInteractionException">There is none, or the body is not form encoding.</exception>
    public static string Payload(string formBody) => FormField(formBody ?? "", "payload") ?? throw new MalformedInteractionException("the body has no 'payload' form field");

    private static string? FormField(string body, string name)
    {
        foreach (var pair in body.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (Decode(key) == name)
            {
                return equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            throw new MalformedInteractionException("the body is not valid form encoding");
        }
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 80 ? text : text[..80] + "…";
}
