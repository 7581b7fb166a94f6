using System.Text.Json.Nodes;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Resources;

/// <summary>
/// The EventBridge event pattern that delivers exactly the CloudTrail events the policies trigger
/// on, derived from the policies so a new trigger cannot be left out of the routing.
/// </summary>
public static class CloudTrailEventPattern
{
    /// <summary>The pattern JSON for <paramref name="policies"/>: one source per service, the CloudTrail detail-type, the event names.</summary>
    public static string For(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var types = policies.Triggers.Select(t => policies.Resources.Find(t.Resource)!).Distinct().ToList();
        var names = policies.Triggers.Select(t => t.Event).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var pattern = new JsonObject
        {
            ["source"] = Array(types.Select(t => EventBridgeSource(t.EventSource)).Distinct()),
            ["detail-type"] = Array([CloudTrailEventReader.ApiCallDetailType]),
            ["detail"] = new JsonObject
            {
                ["eventSource"] = Array(types.Select(t => t.EventSource).Distinct()),
                ["eventName"] = Array(names),
            },
        };
        return pattern.ToJsonString();
    }

    /// <summary>The EventBridge <c>source</c> of a service's CloudTrail events: <c>ec2.amazonaws.com</c> -> <c>aws.ec2</c>.</summary>
    public static string EventBridgeSource(string eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        return "aws." + eventSource.Split('.')[0];
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
