using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Policies.Checks;
using OpsBot.Rules.Policies.Code;
using OpsBot.Rules.Resources;
using OpsBot.Rules.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Loads policy YAML into the immutable model and reports every problem at load, each with
/// <c>file:line:col</c>: syntax, unknown / missing / mistyped keys, duplicate ids, unknown resource,
/// trigger or action, expressions that do not parse, type-check or stay inside the fence, and an
/// action that does not fit the resource. A valid policy then goes through the footgun checks
/// (<see cref="PolicyCheckRegistry"/>): a finding is a warning, or an error in <c>mode: enforce</c>,
/// unless the policy lists the check under <c>acknowledge</c>.
/// </summary>
public sealed partial class PolicyLoader(ResourceTypeRegistry resources, ActionRegistry actions, PolicyCheckRegistry checks)
{
    private static readonly string[] PolicyKeys = ["id", "title", "description", "severity", "resource", "triggers", "select", "when", "rule", "unless", "remediation", "notify", "acknowledge", "sweep"];

    private readonly RemediationReader _remediations = new(actions);

    /// <summary>A loader with the shipped resource types and actions.</summary>
    public PolicyLoader()
        : this(ResourceTypeRegistry.Default, ActionRegistry.Default)
    {
    }

    /// <summary>A loader with the given registries and the shipped checks.</summary>
    public PolicyLoader(ResourceTypeRegistry resources, ActionRegistry actions)
        : this(resources, actions, PolicyCheckRegistry.Default)
    {
    }

    /// <summary>Loads every policy under <paramref name="paths"/> (files or folders).</summary>
    public PolicyLoadResult Load(IEnumerable<string> paths)
    {
        var policies = new List<Policy>();
        var errors = new List<PolicyError>();
        var warnings = new List<PolicyWarning>();
        var seen = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var file in PolicyFiles.Find(paths))
        {
            if (!File.Exists(file))
            {
                errors.Add(new PolicyError(new SourceLocation(file, 1, 1), "no such policy file or folder"));
                continue;
            }

            var policy = LoadText(File.ReadAllText(file), file, errors, warnings);
            if (policy is null)
            {
                continue;
            }

            if (seen.TryGetValue(policy.Id, out var first))
            {
                errors.Add(new PolicyError(policy.Location, $"duplicate policy id '{policy.Id}' (first defined at {first.Location})"));
                continue;
            }

            seen[policy.Id] = policy;
            policies.Add(policy);
        }

        return new PolicyLoadResult(policies, errors) { Warnings = warnings };
    }

    /// <summary>Loads and compiles; throws when anything is wrong.</summary>
    /// <exception cref="PolicyLoadException">Every problem found.</exception>
    public PolicySet LoadSet(IEnumerable<string> paths)
    {
        var result = Load(paths);
        return result.IsValid ? new PolicySet(result.Policies, resources, actions) : throw new PolicyLoadException(result.Errors);
    }

    /// <summary>Parses one policy document; problems go to <paramref name="errors"/> and the result is null. Warnings are dropped.</summary>
    public Policy? LoadText(string text, string file, List<PolicyError> errors) => LoadText(text, file, errors, []);

    /// <summary>
    /// Parses one policy document; problems go to <paramref name="errors"/> and the result is null,
    /// footguns found in a valid policy that does not acknowledge them go to <paramref name="warnings"/>.
    /// </summary>
    public Policy? LoadText(string text, string file, List<PolicyError> errors, List<PolicyWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        var before = errors.Count;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new PolicyError(new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 1 ? stream.Documents[1].RootNode.Start : default;
            errors.Add(new PolicyError(new SourceLocation(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column)), "a policy file holds exactly one policy: a YAML mapping"));
            return null;
        }

        var policy = Read(new YamlMapping(root, file, "policy", errors), Hash(text), warnings);
        return errors.Count == before ? policy : null;
    }

    private Policy? Read(YamlMapping map, string hash, List<PolicyWarning> warnings)
    {
        map.RejectUnknownKeys(PolicyKeys);
        var id = map.String("id", required: true);
        if (id is { } i && !IdPattern().IsMatch(i.Value))
        {
            map.Error(i.Node, $"id '{i.Value}' must be 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit");
        }

        var title = map.String("title", required: true);
        var description = map.String("description", required: false);
        var severity = ReadEnum<PolicySeverity>(map, "severity", required: true);
        var resource = ReadResource(map);
        var triggers = ReadTriggers(map, resource);
        var select = ReadSelect(map, resource);
        var rule = map.Get("rule") is null ? null : CodeRuleReader.Read(map, resource, select?.Collection);
        var when = map.Get("rule") is not null
            ? RejectWhenBesideRule(map, rule)
            : ReadExpression(map, "when", ExpressionScope.Element, resource, select?.Collection, required: true);
        var unless = ReadExpression(map, "unless", ExpressionScope.Resource, resource, null, required: false);
        var remediation = _remediations.Read(map, resource, select);
        var notify = ReadNotify(map);
        var acknowledge = ReadAcknowledge(map);
        var sweep = ReadSweep(map);
        if (id is null || title is null || severity is null || resource is null || triggers is null || select is null || when is null || remediation is null || notify is null || acknowledge is null)
        {
            return null;
        }

        var policy = new Policy
        {
            Id = id.Value.Value,
            Title = title.Value.Value,
            Description = description?.Value ?? "",
            Severity = severity.Value,
            Resource = resource.Name,
            Triggers = triggers,
            Select = select.Value.Name,
            When = when,
            Rule = rule,
            Unless = unless,
            Remediation = remediation,
            Notify = notify,
            Acknowledge = [.. acknowledge.Select(a => a.Value)],
            Sweep = sweep,
            Location = map.Where(id.Value.Node),
            SourceHash = hash,
        };
        // The load checks read `when` expressions; a C# rule has none to read.
        if (rule is null)
        {
            Inspect(map, new PolicyCheckSubject(policy, resource, select.Value.Collection), acknowledge, warnings);
        }

        return policy;
    }

    // A finding is a warning while the policy only alerts or asks, and an error once it would act
    // on its own: enforcing the default-egress footgun cuts a whole account's outbound traffic.
    private void Inspect(YamlMapping map, PolicyCheckSubject subject, IReadOnlyList<(string Value, YamlScalarNode Node)> acknowledge, List<PolicyWarning> warnings)
    {
        var at = map.Where(map.Get("when")!);
        foreach (var check in checks.All)
        {
            var finding = check.Inspect(subject);
            var acknowledged = acknowledge.FirstOrDefault(a => a.Value == check.Name).Node;
            if (finding is null && acknowledged is not null)
            {
                warnings.Add(new PolicyWarning(map.Where(acknowledged), check.Name, $"'acknowledge' lists '{check.Name}', which this policy does not trip; remove it, so that a later change that does trip it is caught"));
            }
            else if (finding is not null && acknowledged is null && subject.Policy.Remediation.Mode == RemediationMode.Enforce)
            {
                map.ErrorAt(at, $"{finding}. 'mode: enforce' refuses this unless the policy says it is meant: 'acknowledge: [{check.Name}]'");
            }
            else if (finding is not null && acknowledged is null)
            {
                warnings.Add(new PolicyWarning(at, check.Name, $"{finding}. If this is meant, say so with 'acknowledge: [{check.Name}]' ('mode: enforce' refuses it otherwise)"));
            }
        }
    }

    private static bool ReadSweep(YamlMapping map)
    {
        if (map.String("sweep", required: false) is not { } value)
        {
            return true;
        }

        if (value.Value is "true" or "false")
        {
            return value.Value == "true";
        }

        map.Error(value.Node, $"'sweep: {value.Value}' must be true or false");
        return true;
    }

    private IReadOnlyList<(string Value, YamlScalarNode Node)>? ReadAcknowledge(YamlMapping map)
    {
        var items = map.StringList("acknowledge", required: false) ?? [];
        var known = checks.All.Select(c => c.Name).ToList();
        var ok = true;
        foreach (var (name, node) in items.Where(i => checks.Find(i.Value) is null))
        {
            var hint = Spelling.Nearest(name, known) is { } near ? $"; did you mean '{near}'?" : "";
            map.Error(node, $"'acknowledge' names no check '{name}'{hint} (checks: {string.Join(", ", known)})");
            ok = false;
        }

        return ok ? items : null;
    }

    private IResourceType? ReadResource(YamlMapping map)
    {
        var value = map.String("resource", required: true);
        if (value is not { } v)
        {
            return null;
        }

        var type = resources.Find(v.Value);
        if (type is null)
        {
            map.Error(v.Node, $"unknown resource type '{v.Value}' (known: {string.Join(", ", resources.All.Select(r => r.Name))})");
        }

        return type;
    }

    private List<string>? ReadTriggers(YamlMapping map, IResourceType? resource)
    {
        var items = map.StringList("triggers", required: true);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            map.Error(map.Get("triggers")!, "'triggers' must name at least one CloudTrail event");
            return null;
        }

        var ok = true;
        foreach (var (name, node) in items.Where(_ => resource is not null))
        {
            if (!resource!.EventNames.Contains(name))
            {
                var hint = Spelling.Nearest(name, resource.EventNames) is { } near ? $"; did you mean '{near}'?" : "";
                map.Error(node, $"'{name}' is not an event of {resource.Name}{hint} (its events: {string.Join(", ", resource.EventNames)})");
                ok = false;
            }
        }

        return ok ? [.. items.Select(i => i.Value).Distinct(StringComparer.Ordinal)] : null;
    }

    private static (IElementCollection Collection, string Name, YamlScalarNode Node)? ReadSelect(YamlMapping map, IResourceType? resource)
    {
        var value = map.String("select", required: true);
        if (value is not { } v || resource is null)
        {
            return null;
        }

        if (resource.Collection(v.Value) is not { } collection)
        {
            map.Error(v.Node, $"'select: {v.Value}' is not a collection of {resource.Name} (choose one of: {string.Join(", ", resource.Selections)})");
            return null;
        }

        return (collection, v.Value, v.Node);
    }

    private static string? RejectWhenBesideRule(YamlMapping map, string? rule)
    {
        if (map.Get("when") is { } when)
        {
            map.ErrorAt(map.Where(when), "a policy has either 'when' (a YAML expression) or 'rule' (a C# rule), not both");
            return null;
        }

        return rule is null ? null : CodeRuleReader.Condition(rule);
    }

    // Without a known resource type (or, for `when`, a known collection) there are no variables to
    // check against; that problem is reported where the type or collection is named.
    private static string? ReadExpression(YamlMapping map, string key, ExpressionScope scope, IResourceType? resource, IElementCollection? collection, bool required)
    {
        var value = map.String(key, required);
        if (value is not { } v || resource is null || (scope == ExpressionScope.Element && collection is null))
        {
            return null;
        }

        if (PolicyExpressionCompiler.Check(v.Value, scope, resource, collection) is not { } problem)
        {
            return v.Value;
        }

        var start = map.Where(v.Node);
        var single = !v.Value.Contains('\n', StringComparison.Ordinal) && v.Node.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var column = single ? start.Column + (v.Node.Style == ScalarStyle.Plain ? 0 : 1) + Math.Clamp(problem.Offset, 0, v.Value.Length) : start.Column;
        map.ErrorAt(start with { Column = column }, $"'{key}' expression is invalid: {problem.Message}");
        return null;
    }

    private static List<NotifyChannel>? ReadNotify(YamlMapping map)
    {
        var items = map.StringList("notify", required: false);
        if (items is null)
        {
            return [NotifyChannel.Slack, NotifyChannel.Sns];
        }

        var channels = new List<NotifyChannel>();
        foreach (var (value, node) in items)
        {
            switch (value)
            {
                case "slack":
                    channels.Add(NotifyChannel.Slack);
                    break;
                case "sns":
                    channels.Add(NotifyChannel.Sns);
                    break;
                default:
                    map.Error(node, $"unknown notify channel '{value}' (choose from: slack, sns)");
                    return null;
            }
        }

        return channels;
    }

    internal static T? ReadEnum<T>(YamlMapping map, string key, bool required)
        where T : struct, Enum
    {
        var value = map.String(key, required);
        if (value is not { } v)
        {
            return null;
        }

        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        if (v.Value == v.Value.ToLowerInvariant() && Enum.TryParse<T>(v.Value, ignoreCase: true, out var parsed) && names.Contains(v.Value))
        {
            return parsed;
        }

        map.Error(v.Node, $"'{key}: {v.Value}' is not one of: {string.Join(" | ", names)}");
        return null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex IdPattern();

}
