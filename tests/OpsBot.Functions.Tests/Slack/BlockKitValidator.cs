using System.Text.Json.Nodes;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// Checks a message's JSON against the Block Kit rules OpsBot relies on: allowed block types, text
/// object shapes and limits, button limits, unique <c>action_id</c>s and <c>block_id</c>s, block and
/// element counts. Returns every problem found, with its JSON path.
/// </summary>
internal static class BlockKitValidator
{
    private static readonly HashSet<string> BlockTypes = ["section", "header", "context", "actions", "divider"];

    public static IReadOnlyList<string> Validate(string json)
    {
        var problems = new List<string>();
        var message = JsonNode.Parse(json)!.AsObject();
        if (message["text"]?.GetValue<string>() is not { Length: > 0 })
        {
            problems.Add("$.text: a message needs a fallback text for notifications");
        }

        var blocks = message["blocks"]?.AsArray();
        if (blocks is null || blocks.Count == 0)
        {
            problems.Add("$.blocks: missing or empty");
            return problems;
        }

        if (blocks.Count > 50)
        {
            problems.Add($"$.blocks: {blocks.Count} blocks (at most 50)");
        }

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var path = $"$.blocks[{i}]";
            var block = blocks[i]!.AsObject();
            var type = block["type"]?.GetValue<string>() ?? "";
            if (!BlockTypes.Contains(type))
            {
                problems.Add($"{path}: block type '{type}' is not one of {string.Join(", ", BlockTypes)}");
                continue;
            }

            if (block["block_id"]?.GetValue<string>() is { } blockId)
            {
                Limit(problems, $"{path}.block_id", blockId, 255);
                if (!blockIds.Add(blockId))
                {
                    problems.Add($"{path}.block_id: '{blockId}' is used twice");
                }
            }

            switch (type)
            {
                case "header":
                    Text(problems, $"{path}.text", block["text"], 150, plainOnly: true);
                    break;
                case "section":
                    Section(problems, path, block);
                    break;
                case "context":
                    var elements = block["elements"]?.AsArray();
                    if (elements is null || elements.Count is 0 or > 10)
                    {
                        problems.Add($"{path}.elements: {elements?.Count ?? 0} elements (1 to 10)");
                    }

                    for (var e = 0; elements is not null && e < elements.Count; e++)
                    {
                        Text(problems, $"{path}.elements[{e}]", elements[e], 3000, plainOnly: false);
                    }

                    break;
                case "actions":
                    Actions(problems, path, block, actionIds);
                    break;
                case "divider":
                    break;
            }
        }

        return problems;
    }

    private static void Section(List<string> problems, string path, JsonObject block)
    {
        var fields = block["fields"]?.AsArray();
        if (block["text"] is null && fields is null)
        {
            problems.Add($"{path}: a section needs text or fields");
        }

        if (block["text"] is { } text)
        {
            Text(problems, $"{path}.text", text, 3000, plainOnly: false);
        }

        if (fields is not null)
        {
            if (fields.Count is 0 or > 10)
            {
                problems.Add($"{path}.fields: {fields.Count} fields (1 to 10)");
            }

            for (var f = 0; f < fields.Count; f++)
            {
                Text(problems, $"{path}.fields[{f}]", fields[f], 2000, plainOnly: false);
            }
        }
    }

    private static void Actions(List<string> problems, string path, JsonObject block, HashSet<string> actionIds)
    {
        var elements = block["elements"]?.AsArray();
        if (elements is null || elements.Count is 0 or > 25)
        {
            problems.Add($"{path}.elements: {elements?.Count ?? 0} elements (1 to 25)");
            return;
        }

        for (var e = 0; e < elements.Count; e++)
        {
            var elementPath = $"{path}.elements[{e}]";
            var button = elements[e]!.AsObject();
            if (button["type"]?.GetValue<string>() != "button")
            {
                problems.Add($"{elementPath}: only buttons are expected");
                continue;
            }

            Text(problems, $"{elementPath}.text", button["text"], 75, plainOnly: true);
            var actionId = button["action_id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(actionId))
            {
                problems.Add($"{elementPath}.action_id: missing");
            }
            else
            {
                Limit(problems, $"{elementPath}.action_id", actionId, 255);
                if (!actionIds.Add(actionId))
                {
                    problems.Add($"{elementPath}.action_id: '{actionId}' is used twice in the message");
                }
            }

            if (button["value"]?.GetValue<string>() is { } value)
            {
                Limit(problems, $"{elementPath}.value", value, 2000);
            }

            if (button["style"]?.GetValue<string>() is { } style && style is not ("primary" or "danger"))
            {
                problems.Add($"{elementPath}.style: '{style}' is not primary or danger");
            }

            if (button["confirm"] is JsonObject confirm)
            {
                Text(problems, $"{elementPath}.confirm.title", confirm["title"], 100, plainOnly: true);
                Text(problems, $"{elementPath}.confirm.text", confirm["text"], 300, plainOnly: false);
                Text(problems, $"{elementPath}.confirm.confirm", confirm["confirm"], 30, plainOnly: true);
                Text(problems, $"{elementPath}.confirm.deny", confirm["deny"], 30, plainOnly: true);
            }
        }
    }

    private static void Text(List<string> problems, string path, JsonNode? node, int max, bool plainOnly)
    {
        if (node is not JsonObject text)
        {
            problems.Add($"{path}: missing text object");
            return;
        }

        var type = text["type"]?.GetValue<string>();
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            problems.Add($"{path}.type: '{type}' (expected {(plainOnly ? "plain_text" : "plain_text or mrkdwn")})");
        }

        var value = text["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{path}.text: empty");
            return;
        }

        Limit(problems, $"{path}.text", value, max);
    }

    private static void Limit(List<string> problems, string path, string value, int max)
    {
        if (value.Length > max)
        {
            problems.Add($"{path}: {value.Length} characters (at most {max})");
        }
    }
}
