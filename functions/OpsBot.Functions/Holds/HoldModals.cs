using System.Text.Json.Nodes;
using OpsBot.Functions.Slack.Blocks;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Holds;

/// <summary>
/// The modals behind Undo (asks why) and Exempt (asks how long and why), as Block Kit <c>view</c> JSON
/// for <c>views.open</c>. What the modal is about travels in <c>private_metadata</c>: the button's value
/// and the message it was on, so the submission can update that message.
/// </summary>
public static class HoldModals
{
    /// <summary>The <c>callback_id</c> of the Undo modal.</summary>
    public const string UndoCallback = "opsbot_undo_modal";

    /// <summary>The <c>callback_id</c> of the Exempt modal.</summary>
    public const string ExemptCallback = "opsbot_exempt_modal";

    /// <summary>The block (and action) id of the reason input.</summary>
    public const string ReasonBlock = "reason";

    /// <summary>The block (and action) id of the duration select.</summary>
    public const string DurationBlock = "duration";

    /// <summary>The longest reason accepted.</summary>
    public const int ReasonMax = 500;

    /// <summary>The Undo modal for <paramref name="target"/>, suppressing for <paramref name="suppressFor"/>.</summary>
    public static string Undo(SlackActionValue target, SlackMessageLocation? message, TimeSpan suppressFor)
    {
        ArgumentNullException.ThrowIfNull(target);
        var hours = suppressFor.TotalHours;
        var span = hours % 24 == 0 ? ExemptionChoices.Label(suppressFor) : $"{hours:0} hours";
        return View(UndoCallback, target, message, "Undo remediation", "Restore",
        [
            Section($"OpsBot will put back what {SlackMarkdown.Code(target.PolicyId)} removed from {SlackMarkdown.Code(target.ResourceId)}. It will not remove it again for {span}; the next sweep after that re-checks the resource."),
            Reason("Why is it needed?"),
        ]);
    }

    /// <summary>The Exempt modal for <paramref name="target"/> under <paramref name="policy"/>: its duration choices and a reason.</summary>
    public static string Exempt(SlackActionValue target, SlackMessageLocation? message, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = new JsonArray([.. ExemptionChoices.For(policy).Select(c => (JsonNode)new JsonObject { ["text"] = Plain(ExemptionChoices.Label(c.Duration)), ["value"] = c.Value })]);
        return View(ExemptCallback, target, message, "Exempt resource", "Exempt",
        [
            Section($"{SlackMarkdown.Code(target.ResourceId)} will not be remediated or alerted by {SlackMarkdown.Code(target.PolicyId)} until the exemption ends; then the next sweep re-checks it."),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = DurationBlock,
                ["label"] = Plain("For how long?"),
                ["element"] = new JsonObject { ["type"] = "static_select", ["action_id"] = DurationBlock, ["options"] = options },
            },
            Reason("Why is it exempt?"),
        ]);
    }

    private static string View(string callback, SlackActionValue target, SlackMessageLocation? message, string title, string submit, JsonNode[] blocks)
    {
        var metadata = new JsonObject { ["target"] = target.ToString(), ["channel"] = message?.Channel, ["ts"] = message?.Ts }.ToJsonString();
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callback,
            ["private_metadata"] = metadata,
            ["title"] = Plain(title),
            ["submit"] = Plain(submit),
            ["close"] = Plain("Cancel"),
            ["blocks"] = new JsonArray(blocks),
        }.ToJsonString();
    }

    private static JsonObject Reason(string label) => new()
    {
        ["type"] = "input",
        ["block_id"] = ReasonBlock,
        ["label"] = Plain(label),
        ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = ReasonBlock, ["multiline"] = true, ["min_length"] = 3, ["max_length"] = ReasonMax },
    };

    private static JsonObject Section(string markdown) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = BlockKitLimits.Truncate(markdown, BlockKitLimits.SectionText) } };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
