using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Policies.Code;
using OpsBot.Rules.Policies.Checks;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Schema;

/// <summary>
/// Generates the JSON Schema of policy files from the policy model, the resource types, the
/// action registry and the load checks, so editors complete and check what the loader accepts.
/// </summary>
public static class PolicySchemaGenerator
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string SchemaId = "https://opsbot.dev/schemas/policy.schema.json";

    /// <summary>The schema for the shipped registries, as indented JSON.</summary>
    public static string Generate() => Generate(ResourceTypeRegistry.Default, ActionRegistry.Default);

    /// <summary>The schema for the given registries, as indented JSON.</summary>
    public static string Generate(ResourceTypeRegistry resources, ActionRegistry actions)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(actions);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "OpsBot policy",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Array("id", "title", "severity", "resource", "triggers", "select"),
            ["oneOf"] = new JsonArray(new JsonObject { ["required"] = Array("when") }, new JsonObject { ["required"] = Array("rule") }),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9-]{2,63}$", ["description"] = "Unique policy id." },
                ["title"] = Text("One line for humans; shown in alerts."),
                ["description"] = Text("Longer explanation."),
                ["severity"] = Enum("How serious a match is.", Enum<PolicySeverity>()),
                ["resource"] = Enum("The resource type.", [.. resources.All.Select(r => r.Name)]),
                ["triggers"] = new JsonObject
                {
                    ["description"] = "CloudTrail event names that make OpsBot evaluate this policy.",
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["items"] = Enum("A CloudTrail event name.", [.. resources.All.SelectMany(r => r.EventNames).Distinct()]),
                },
                ["select"] = Enum("The element collection checked one by one; the matches are what gets remediated.", [.. resources.All.SelectMany(r => r.Selections).Distinct()]),
                ["when"] = Text("Condition over the selected element and its resource: " + string.Join("; ", resources.All.Select(WhenVariables)) + "."),
                ["rule"] = Enum("Instead of `when`: a C# policy rule (an NRules fluent rule class in rules/OpsBot.Rules/Policies/Code) that is the match condition.", [.. PolicyRuleCatalog.Default.Names]),
                ["unless"] = Text("Exemption over the resource alone, checked once per resource: " + string.Join("; ", resources.All.Select(r => $"`{r.Variable}` ({r.Name})")) + "."),
                ["remediation"] = Remediation(actions),
                ["notify"] = new JsonObject
                {
                    ["description"] = "Where alerts go (default: slack and sns).",
                    ["type"] = "array",
                    ["items"] = Enum("A channel.", ["slack", "sns"]),
                },
                ["acknowledge"] = Acknowledge(PolicyCheckRegistry.Default),
                ["sweep"] = new JsonObject { ["type"] = "boolean", ["default"] = true, ["description"] = "Whether the scheduled sweep evaluates this policy too; false leaves it to events (e.g. a policy that would hold every account's default groups for approval at once)." },
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string WhenVariables(IResourceType type) =>
        $"{type.Name}: {string.Join(", ", type.Collections.Select(c => $"`{c.Variable}` ({c.Name})"))} with `{type.Variable}`";

    private static JsonObject Acknowledge(PolicyCheckRegistry checks) => new()
    {
        ["description"] = "Load checks whose finding is meant: not warned about, and not refused in mode: enforce. " +
                          string.Join("; ", checks.All.Select(c => $"{c.Name}: {c.Summary}")) + ".",
        ["type"] = "array",
        ["items"] = Enum("A load check.", [.. checks.All.Select(c => c.Name)]),
    };

    private static JsonObject Remediation(ActionRegistry actions) => new()
    {
        ["description"] = "What to do about matches; without it the policy only notifies.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["action"] = Enum("The remediation action; required unless mode is notify.", [.. actions.All.Select(a => a.Name)]),
            ["mode"] = Enum("enforce: act now; approve: ask the approvers in Slack; notify: alert only (default).", Enum<RemediationMode>()),
            ["approvers"] = new JsonObject
            {
                ["description"] = "Slack user ids (U…, W…) or user-group ids (S…) who may approve; required for mode: approve.",
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[UWS][A-Z0-9]{2,}$" },
            },
            ["expires"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,4}[mhd]$", ["description"] = "How long an approval request stays open, 5m to 7d (default 1h)." },
            ["options"] = new JsonObject { ["type"] = "object", ["description"] = "The action's options." },
            ["fight"] = Fight(),
            ["suppressFor"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,4}[mhd]$", ["description"] = "After an Undo, how long the restored elements are not revoked again, 1h to 7d (default 24h)." },
            ["exemptMax"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,4}[mhd]$", ["description"] = "The longest exemption an approver may grant with the Exempt button, 1d to 90d (default 30d)." },
        },
        ["if"] = new JsonObject { ["required"] = Array("mode"), ["properties"] = new JsonObject { ["mode"] = new JsonObject { ["enum"] = Array("enforce", "approve") } } },
        ["then"] = new JsonObject { ["required"] = Array("action") },
        ["allOf"] = new JsonArray([.. actions.All.Select(ActionOptions)]),
    };

    private static JsonObject Fight() => new()
    {
        ["description"] = "Fight detection: after max automatic remediations of one resource within the window, the next violation is held and escalated once to a human.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["max"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = FightLimits.LargestMax, ["description"] = "Automatic remediations of one resource allowed within the window (default 3)." },
            ["within"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,4}[mhd]$", ["description"] = "The window, 5m to 7d (default 1h)." },
            ["stackOwned"] = Enum("For a resource tagged aws:cloudformation:stack-name: approve (ask the approvers first), notify, or enforce (as any other, the default).", ["approve", "notify", "enforce"]),
        },
    };

    private static JsonObject ActionOptions(IRemediationAction action)
    {
        var properties = new JsonObject();
        foreach (var option in action.Options)
        {
            var property = new JsonObject
            {
                ["description"] = option.Description,
                ["type"] = option.Type switch { ActionOptionType.Boolean => "boolean", ActionOptionType.Integer => "integer", _ => "string" },
                ["default"] = option.Default switch { bool b => JsonValue.Create(b), int n => JsonValue.Create(n), _ => JsonValue.Create(option.Default.ToString()) },
            };
            if (option.Type == ActionOptionType.Integer && option.Minimum != int.MinValue)
            {
                property["minimum"] = option.Minimum;
            }

            properties[option.Name] = property;
        }

        return new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["action"] = new JsonObject { ["const"] = action.Name } } },
            ["then"] = new JsonObject
            {
                ["description"] = action.Summary,
                ["properties"] = new JsonObject { ["options"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties } },
            },
        };
    }

    private static string[] Enum<T>()
        where T : struct, Enum => [.. System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Enum(string description, string[] values) => new()
    {
        ["description"] = description,
        ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
    };

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
