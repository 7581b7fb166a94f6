using System.Text.Json;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>An SNS notification as it arrives in a subscribed SQS queue.</summary>
internal sealed record ReceivedAlert(string Subject, JsonElement Message, IReadOnlyDictionary<string, string> Attributes)
{
    public static ReceivedAlert Parse(string sqsBody)
    {
        using var envelope = JsonDocument.Parse(sqsBody);
        var root = envelope.RootElement;
        var attributes = new Dictionary<string, string>();
        if (root.TryGetProperty("MessageAttributes", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in list.EnumerateObject())
            {
                attributes[attribute.Name] = attribute.Value.GetProperty("Value").GetString() ?? "";
            }
        }

        using var message = JsonDocument.Parse(root.GetProperty("Message").GetString()!);
        return new ReceivedAlert(root.TryGetProperty("Subject", out var s) ? s.GetString() ?? "" : "", message.RootElement.Clone(), attributes);
    }
}
