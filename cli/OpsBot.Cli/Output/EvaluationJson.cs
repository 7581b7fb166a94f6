using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Facts;

namespace OpsBot.Cli.Output;

/// <summary>The <c>--json</c> form of an evaluation: <c>{"event":…,"decisions":[…],"skipped":[…]}</c>.</summary>
internal static class EvaluationJson
{
    public static string Write(EventEvaluation evaluation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteEvent(json, evaluation);
            json.WriteStartArray("decisions");
            foreach (var decision in evaluation.Decisions)
            {
                WriteDecision(json, decision);
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skip in evaluation.Skips)
            {
                json.WriteStartObject();
                json.WriteString("policy", skip.PolicyId);
                json.WriteString("resource", skip.ResourceId);
                json.WriteString("reason", skip.Reason.Name());
                json.WriteString("detail", skip.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteEvent(Utf8JsonWriter json, EventEvaluation evaluation)
    {
        var e = evaluation.Event;
        json.WriteStartObject("event");
        json.WriteString("id", e.Id);
        json.WriteString("name", e.EventName);
        json.WriteString("account", e.Account);
        json.WriteString("region", e.Region);
        json.WriteString("actor", e.Actor.Arn);
        json.WriteString("sourceIp", e.Actor.SourceIp);
        json.WriteString("userAgent", e.Actor.UserAgent);
        if (evaluation.SkipReason is { } skip)
        {
            json.WriteString("skipped", skip.Name());
            json.WriteString("detail", evaluation.Detail);
        }

        json.WriteStartArray("requested");
        foreach (var permission in evaluation.Requested)
        {
            WritePermission(json, permission, withExposure: false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, PolicyDecision decision)
    {
        json.WriteStartObject();
        json.WriteString("policy", decision.Policy.Id);
        json.WriteString("title", decision.Policy.Title);
        json.WriteString("severity", decision.Policy.Severity.ToString().ToLowerInvariant());
        json.WriteString("resource", decision.ResourceId);
        json.WriteString("action", decision.Action);
        json.WriteString("mode", decision.Mode.ToString().ToLowerInvariant());
        json.WriteString("condition", decision.Policy.When);
        json.WriteStartArray("matches");
        foreach (var match in decision.Matches)
        {
            WritePermission(json, match, withExposure: true);
        }

        json.WriteEndArray();
        json.WriteStartArray("explanation");
        foreach (var line in decision.Explanation)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Exposure is computed over a group's live state, so it is written for matches only, not for
    // what the event requested.
    private static void WritePermission(Utf8JsonWriter json, PermissionFact permission, bool withExposure)
    {
        json.WriteStartObject();
        json.WriteString("direction", permission.Direction == TrafficDirection.Ingress ? "ingress" : "egress");
        json.WriteString("protocol", permission.Protocol);
        json.WriteNumber("fromPort", permission.FromPort);
        json.WriteNumber("toPort", permission.ToPort);
        if (permission.IsCidr)
        {
            json.WriteString("cidr", permission.Source);
        }
        else
        {
            json.WriteString(permission.SourceKind == SourceKind.PrefixList ? "prefixListId" : "groupId", permission.Source);
        }

        if (permission.RuleId is not null)
        {
            json.WriteString("ruleId", permission.RuleId);
        }

        if (withExposure)
        {
            json.WriteBoolean("openToInternet", permission.IsOpenToInternet);
        }

        json.WriteEndObject();
    }
}
