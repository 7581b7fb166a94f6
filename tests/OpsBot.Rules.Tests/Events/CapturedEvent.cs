using System.Text.Json.Nodes;

namespace OpsBot.Rules.Tests.Events;

/// <summary>
/// A real-shaped CloudTrail event (policies/tests/events/authorize-ssh-https-world.json) to change
/// in exactly one way, so that each test shows one rule of the reader.
/// </summary>
internal static class CapturedEvent
{
    /// <summary>The EventBridge envelope as delivered: account 111111111111, region eu-west-1.</summary>
    public static JsonObject Envelope() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("events/authorize-ssh-https-world.json")))!.AsObject();

    /// <summary>The envelope changed by <paramref name="change"/>, as JSON text.</summary>
    public static string Envelope(Action<JsonObject> change)
    {
        var envelope = Envelope();
        change(envelope);
        return envelope.ToJsonString();
    }

    /// <summary>The envelope's <c>detail</c> alone (a bare CloudTrail record) changed by <paramref name="change"/>.</summary>
    public static string Record(Action<JsonObject> change)
    {
        var record = Envelope()["detail"]!.AsObject();
        record.Parent!.AsObject().Remove("detail");
        change(record);
        return record.ToJsonString();
    }

    /// <summary>The envelope's <c>detail</c>.</summary>
    public static JsonObject Detail(this JsonObject envelope) => envelope["detail"]!.AsObject();
}
