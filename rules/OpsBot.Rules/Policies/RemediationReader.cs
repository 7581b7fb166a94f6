using System.Text.RegularExpressions;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources;
using OpsBot.Rules.Yaml;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Reads a policy's <c>remediation</c> block for <see cref="PolicyLoader"/>: mode, action (known, and
/// fitting the resource and selection), approvers, expiry and the action's options; a notify-only
/// policy may leave out the action or the whole block. Problems are reported on the mapping.
/// </summary>
internal sealed partial class RemediationReader(ActionRegistry actions)
{
    private static readonly string[] RemediationKeys = ["action", "mode", "approvers", "expires", "options", "fight", "suppressFor", "exemptMax"];

    public Remediation? Read(YamlMapping map, IResourceType? resource, (IElementCollection Collection, string Name, YamlScalarNode Node)? select)
    {
        var remediation = map.Mapping("remediation", required: false, "remediation");
        if (remediation is null)
        {
            return map.Get("remediation") is null ? Remediation.NotifyOnly : null;
        }

        remediation.RejectUnknownKeys(RemediationKeys);
        var mode = PolicyLoader.ReadEnum<RemediationMode>(remediation, "mode", required: false) ?? RemediationMode.Notify;
        var actionName = remediation.String("action", required: false);
        if (remediation.Get("action") is null && mode != RemediationMode.Notify)
        {
            remediation.Error(remediation.Get("mode")!, $"'mode: {mode.ToString().ToLowerInvariant()}' needs 'action' (known: {string.Join(", ", actions.All.Select(x => x.Name))}); only 'mode: notify' may leave it out");
            return null;
        }

        var action = actionName is { } a ? actions.Find(a.Value) : null;
        if (actionName is { } named && action is null)
        {
            var hint = Spelling.Nearest(named.Value, actions.All.Select(x => x.Name).ToList()) is { } near ? $"; did you mean '{near}'?" : "";
            remediation.Error(named.Node, $"unknown action '{named.Value}'{hint} (known: {string.Join(", ", actions.All.Select(x => x.Name))})");
        }

        if (action is not null && resource is not null && select is { } s &&
            (action.ResourceType != resource.Name || !action.Selections.Contains(s.Name)))
        {
            remediation.Error(actionName!.Value.Node, $"action '{action.Name}' acts on {string.Join("/", action.Selections)} of {action.ResourceType}; this policy selects {s.Name} of {resource.Name}");
            action = null;
        }

        var approvers = ReadApprovers(remediation, mode);
        var expires = ReadExpiry(remediation);
        var fight = FightLimitsReader.Read(remediation, approvers);
        var suppressFor = HoldDurationsReader.SuppressFor(remediation);
        var exemptMax = HoldDurationsReader.ExemptMax(remediation);
        if (suppressFor is null || exemptMax is null)
        {
            return null;
        }

        if (remediation.Get("action") is null && remediation.Get("options") is { } options)
        {
            remediation.Error(options, "'options' configure an action, and this remediation names none");
            return null;
        }

        if (remediation.Get("action") is null)
        {
            return approvers is null || expires is null || fight is null ? null : new Remediation("", mode, approvers, expires.Value, Remediation.NoOptions) { Fight = fight, SuppressFor = suppressFor.Value, ExemptMax = exemptMax.Value };
        }

        var typed = action is null ? null : ActionOptionsReader.Read(remediation, action);
        return action is null || approvers is null || expires is null || typed is null || fight is null
            ? null
            : new Remediation(action.Name, mode, approvers, expires.Value, typed) { Fight = fight, SuppressFor = suppressFor.Value, ExemptMax = exemptMax.Value };
    }

    private static List<string>? ReadApprovers(YamlMapping map, RemediationMode mode)
    {
        var items = map.StringList("approvers", required: false) ?? [];
        if (mode == RemediationMode.Approve && items.Count == 0)
        {
            map.Error(map.Get("approvers") ?? map.Get("mode")!, "'mode: approve' needs 'approvers': the Slack user ids (U…) or user-group ids (S…) who may approve");
            return null;
        }

        var ok = true;
        foreach (var (value, node) in items.Where(i => !ApproverPattern().IsMatch(i.Value)))
        {
            map.Error(node, $"approver '{value}' is not a Slack user id (U… or W…) or user-group id (S…)");
            ok = false;
        }

        return ok ? [.. items.Select(i => i.Value)] : null;
    }

    private static TimeSpan? ReadExpiry(YamlMapping map)
    {
        var value = map.String("expires", required: false);
        if (value is not { } v)
        {
            return TimeSpan.FromHours(1);
        }

        var match = DurationPattern().Match(v.Value);
        var expiry = !match.Success ? (TimeSpan?)null : match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value)),
            "h" => TimeSpan.FromHours(int.Parse(match.Groups[1].Value)),
            _ => TimeSpan.FromDays(int.Parse(match.Groups[1].Value)),
        };
        if (expiry is null || expiry < TimeSpan.FromMinutes(5) || expiry > TimeSpan.FromDays(7))
        {
            map.Error(v.Node, $"'expires: {v.Value}' must be a duration from 5m to 7d, such as 30m, 1h or 2d");
            return null;
        }

        return expiry;
    }

    [GeneratedRegex("^[UWS][A-Z0-9]{2,}$")]
    private static partial Regex ApproverPattern();

    [GeneratedRegex("^([0-9]{1,4})([mhd])$")]
    private static partial Regex DurationPattern();
}
