using System.Globalization;
using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// Reads a CloudTrail event from the EventBridge envelope, from an SQS message whose body is that
/// envelope, or from a bare CloudTrail record. Every failure is a <see cref="MalformedEventException"/>
/// that names what is missing or wrong.
/// </summary>
public static class CloudTrailEventReader
{
    /// <summary>The EventBridge detail-type of CloudTrail management events.</summary>
    public const string ApiCallDetailType = "AWS API Call via CloudTrail";

    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="MalformedEventException">The text is not a CloudTrail event in any accepted form.</exception>
    public static CloudTrailEvent Read(string json)
    {
        using var document = ParseJson(json, "event");
        return Read(document.RootElement);
    }

    /// <summary>Reads an already parsed JSON value.</summary>
    /// <exception cref="MalformedEventException">The value is not a CloudTrail event in any accepted form.</exception>
    public static CloudTrailEvent Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException($"expected a JSON object, found {root.ValueKind}");
        }

        if ((CloudTrailJson.String(root, "body") ?? CloudTrailJson.String(root, "Body")) is { } body)
        {
            using var inner = ParseJson(body, "SQS message body");
            return Read(inner.RootElement);
        }

        if (root.TryGetProperty("detail", out var detail))
        {
            return ReadEnvelope(root, detail);
        }

        if (root.TryGetProperty("eventName", out _))
        {
            return ReadRecord(root, Required(root, "eventID", "CloudTrail record"), Required(root, "recipientAccountId", "CloudTrail record"), Required(root, "awsRegion", "CloudTrail record"));
        }

        throw new MalformedEventException("not an EventBridge event (no \"detail\"), an SQS message (no \"body\") or a CloudTrail record (no \"eventName\")");
    }

    private static CloudTrailEvent ReadEnvelope(JsonElement envelope, JsonElement detail)
    {
        var detailType = Required(envelope, "detail-type", "EventBridge event");
        if (detailType != ApiCallDetailType)
        {
            throw new MalformedEventException($"detail-type is \"{detailType}\"; only \"{ApiCallDetailType}\" events are handled");
        }

        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException($"\"detail\" must be an object, found {detail.ValueKind}");
        }

        // An envelope always names the account and region; emulators forwarding across accounts
        // have been seen to drop them, and the CloudTrail record carries the same facts.
        var account = CloudTrailJson.String(envelope, "account") ?? CloudTrailJson.String(detail, "recipientAccountId")
            ?? throw new MalformedEventException("EventBridge event has no \"account\" (nor detail.recipientAccountId)");
        var region = CloudTrailJson.String(envelope, "region") ?? CloudTrailJson.String(detail, "awsRegion")
            ?? throw new MalformedEventException("EventBridge event has no \"region\" (nor detail.awsRegion)");
        return ReadRecord(detail, Required(envelope, "id", "EventBridge event"), account, region);
    }

    private static CloudTrailEvent ReadRecord(JsonElement record, string id, string account, string region)
    {
        var identity = CloudTrailJson.Object(record, "userIdentity");
        return new CloudTrailEvent
        {
            Id = id,
            Account = account,
            Region = region,
            Time = ReadTime(record),
            EventName = Required(record, "eventName", "CloudTrail detail"),
            EventSource = Required(record, "eventSource", "CloudTrail detail"),
            CloudTrailEventId = CloudTrailJson.String(record, "eventID") ?? "",
            ErrorCode = CloudTrailJson.String(record, "errorCode"),
            ErrorMessage = CloudTrailJson.String(record, "errorMessage"),
            Actor = new Actor(
                identity is { } i ? CloudTrailJson.String(i, "type") ?? "" : "",
                identity is { } a ? CloudTrailJson.String(a, "arn") ?? "" : "",
                identity is { } c ? CloudTrailJson.String(c, "accountId") ?? "" : "",
                identity is { } p ? CloudTrailJson.String(p, "principalId") ?? "" : "",
                CloudTrailJson.String(record, "sourceIPAddress") ?? "",
                CloudTrailJson.String(record, "userAgent") ?? ""),
            RequestParameters = ObjectOrEmpty(record, "requestParameters"),
            ResponseElements = ObjectOrEmpty(record, "responseElements"),
        };
    }

    private static DateTimeOffset ReadTime(JsonElement record)
    {
        var text = CloudTrailJson.String(record, "eventTime");
        if (text is null)
        {
            return DateTimeOffset.UnixEpoch;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new MalformedEventException($"eventTime \"{text}\" is not a timestamp");
    }

    private static string Required(JsonElement element, string property, string where)
    {
        var value = CloudTrailJson.String(element, property);
        return string.IsNullOrWhiteSpace(value)
            ? throw new MalformedEventException($"{where} has no \"{property}\"")
            : value;
    }

    private static JsonElement ObjectOrEmpty(JsonElement record, string property) =>
        CloudTrailJson.Object(record, property)?.Clone() ?? EmptyObject;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static JsonDocument ParseJson(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new MalformedEventException($"{what} is not valid JSON: {ex.Message}");
        }
    }
}
