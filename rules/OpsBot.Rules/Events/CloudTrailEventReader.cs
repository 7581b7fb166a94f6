using System.Globalization;
using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// Reads a CloudTrail event from the EventBridge envelope, from an SQS message whose body is that
/// envelope, or from a bare CloudTrail record. An envelope must come from an AWS service
/// (<c>source</c> <c>aws.*</c>); account ids must have 12 digits and regions the shape of a region
/// name. Every failure is a <see cref="MalformedEventException"/> that names what is missing or
/// wrong and where, repeating at most 200 characters of any value.
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
    public static CloudTrailEvent Read(JsonElement root) => Read(root, insideSqsBody: false);

    private static CloudTrailEvent Read(JsonElement root, bool insideSqsBody)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException($"expected a JSON object, found {root.ValueKind}");
        }

        if ((CloudTrailJson.String(root, "body") ?? CloudTrailJson.String(root, "Body")) is { } body)
        {
            // One level of wrapping is all SQS adds; a body inside a body is not a delivery shape,
            // and unwrapping without end would let a message choose how deep the reader recurses.
            if (insideSqsBody)
            {
                throw new MalformedEventException("SQS message body is itself an SQS message (has a \"body\"); only one level of wrapping is accepted");
            }

            using var inner = ParseJson(body, "SQS message body");
            return Read(inner.RootElement, insideSqsBody: true);
        }

        if (root.TryGetProperty("detail", out var detail))
        {
            return ReadEnvelope(root, detail);
        }

        if (root.TryGetProperty("eventName", out _))
        {
            var id = Required(root, "eventID", "CloudTrail record");
            return ReadRecord(root, id, EventOrigin.FromRecord(root));
        }

        throw new MalformedEventException("not an EventBridge event (no \"detail\"), an SQS message (no \"body\") or a CloudTrail record (no \"eventName\")");
    }

    private static CloudTrailEvent ReadEnvelope(JsonElement envelope, JsonElement detail)
    {
        var detailType = Required(envelope, "detail-type", "EventBridge event");
        if (detailType != ApiCallDetailType)
        {
            throw new MalformedEventException($"detail-type is {EchoedValue.Quote(detailType)}; only \"{ApiCallDetailType}\" events are handled");
        }

        RequireAwsSource(envelope);
        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException($"\"detail\" must be an object, found {detail.ValueKind}");
        }

        var id = Required(envelope, "id", "EventBridge event");
        return ReadRecord(detail, id, EventOrigin.FromEnvelope(envelope, detail));
    }

    // In AWS only AWS services put aws.* events on a bus (PutEvents refuses that prefix), so the
    // source is what tells a CloudTrail record from an application's look-alike.
    private static void RequireAwsSource(JsonElement envelope)
    {
        const string accepted = "only AWS services' events (aws.*) are accepted";
        var source = CloudTrailJson.String(envelope, "source")
            ?? throw new MalformedEventException($"envelope has no 'source' string; {accepted}");
        if (!source.StartsWith("aws.", StringComparison.Ordinal) || source.Length == "aws.".Length)
        {
            throw new MalformedEventException($"envelope 'source' is {EchoedValue.Quote(source)}; {accepted}");
        }
    }

    private static CloudTrailEvent ReadRecord(JsonElement record, string id, EventOrigin origin)
    {
        var identity = CloudTrailJson.Object(record, "userIdentity");
        return new CloudTrailEvent
        {
            Id = id,
            Account = origin.Account,
            Region = origin.Region,
            Warnings = origin.Warnings,
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
            : throw new MalformedEventException($"eventTime {EchoedValue.Quote(text)} is not a timestamp");
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
            throw new MalformedEventException($"{what} is not valid JSON: {EchoedValue.Truncate(ex.Message)}");
        }
    }
}
