using System.Text;
using System.Text.Json;
using OpsBot.Functions.Aws.Http;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Functions.Aws.CloudTrail;

/// <summary>
/// The CloudTrail operations OpsBot uses, over the JSON 1.1 API
/// (<c>X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Operation</c>, signing
/// name <c>cloudtrail</c>), retried through the <see cref="SignedServiceClient"/>'s policy. Requests
/// are written and answers read with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>
/// (no reflection, for Native AOT).
/// </summary>
/// <param name="cloudTrail">The signed client for CloudTrail in the member account and region.</param>
public sealed class CloudTrailClient(SignedServiceClient cloudTrail)
{
    /// <summary>The error code of a trail that does not exist.</summary>
    public const string TrailNotFound = "TrailNotFoundException";

    private const string Service = "cloudtrail";
    private const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    /// <summary>The trail <paramref name="nameOrArn"/> names (shadow trails of multi-region trails included); null when there is none.</summary>
    public async Task<TrailDescription?> DescribeTrailAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrArn);
        string body;
        try
        {
            body = await CallAsync("DescribeTrails", w =>
            {
                w.WriteStartArray("trailNameList");
                w.WriteStringValue(nameOrArn);
                w.WriteEndArray();
                w.WriteBoolean("includeShadowTrails", true);
            }, cancellationToken);
        }
        catch (AwsCallException ex) when (ex.ErrorCode == TrailNotFound)
        {
            return null;
        }

        return Read("DescribeTrails", body, root =>
        {
            if (!root.TryGetProperty("trailList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var name = TrailNames.NameOf(nameOrArn);
            foreach (var trail in list.EnumerateArray())
            {
                var arn = String(trail, "TrailARN");
                if (String(trail, "Name") == name || arn == nameOrArn)
                {
                    return new TrailDescription(
                        String(trail, "Name"),
                        arn,
                        String(trail, "HomeRegion"),
                        Flag(trail, "IsMultiRegionTrail"),
                        Flag(trail, "LogFileValidationEnabled"),
                        String(trail, "S3BucketName"));
                }
            }

            return (TrailDescription?)null;
        });
    }

    /// <summary>Whether the trail logs now (<c>GetTrailStatus</c>).</summary>
    public async Task<bool> IsLoggingAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        var body = await CallAsync("GetTrailStatus", w => w.WriteString("Name", nameOrArn), cancellationToken);
        return Read("GetTrailStatus", body, root => Flag(root, "IsLogging"));
    }

    /// <summary>Whether the trail's event selectors record management events (<c>GetEventSelectors</c>; see <see cref="TrailStateReader.IncludesManagementEvents"/>).</summary>
    public async Task<bool> IncludesManagementEventsAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        var body = await CallAsync("GetEventSelectors", w => w.WriteString("TrailName", nameOrArn), cancellationToken);
        return Read("GetEventSelectors", body, root => TrailStateReader.IncludesManagementEvents(
            root.TryGetProperty("EventSelectors", out var basic) ? basic : null,
            root.TryGetProperty("AdvancedEventSelectors", out var advanced) ? advanced : null));
    }

    /// <summary>The trail's tags by key (<c>ListTags</c>, by ARN).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string arn, CancellationToken cancellationToken)
    {
        var body = await CallAsync("ListTags", w =>
        {
            w.WriteStartArray("ResourceIdList");
            w.WriteStringValue(arn);
            w.WriteEndArray();
        }, cancellationToken);
        return Read("ListTags", body, root =>
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("ResourceTagList", out var resources) && resources.ValueKind == JsonValueKind.Array)
            {
                foreach (var resource in resources.EnumerateArray())
                {
                    if (resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("TagsList", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var tag in list.EnumerateArray())
                        {
                            tags[String(tag, "Key")] = String(tag, "Value");
                        }
                    }
                }
            }

            return tags;
        });
    }

    /// <summary>Starts logging (<c>StartLogging</c>); starting a trail that logs is harmless.</summary>
    public Task StartLoggingAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("StartLogging", w => w.WriteString("Name", name), cancellationToken);

    /// <summary>Stops logging (<c>StopLogging</c>), for undo.</summary>
    public Task StopLoggingAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("StopLogging", w => w.WriteString("Name", name), cancellationToken);

    private async Task<string> CallAsync(string operation, Action<Utf8JsonWriter> request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            request(writer);
            writer.WriteEndObject();
        }

        var response = await cloudTrail.PostJsonAsync(TargetPrefix + operation, Encoding.UTF8.GetString(buffer.ToArray()), cancellationToken);
        return response.Body;
    }

    private static T Read<T>(string operation, string body, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? read(document.RootElement)
                : throw new AwsCallException(Service, operation, null, "", "the answer is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new AwsCallException(Service, operation, null, "", $"the answer is not a {operation} result", ex);
        }
    }

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static string String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
