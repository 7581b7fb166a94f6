using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace OpsBot.Cli.Tests;

/// <summary>
/// The shipped SSH + HTTPS fixture's CloudTrail record as people save it: in the output of
/// <c>aws cloudtrail lookup-events</c> and in a CloudTrail log file.
/// </summary>
internal static class CloudTrailExports
{
    /// <summary>The bare record (the fixture envelope's <c>detail</c>).</summary>
    public static JsonObject Record(string eventId = "6a8f3b4e-0c1d-4e2f-9a3b-5c6d7e8f9a0b")
    {
        var envelope = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("events/authorize-ssh-https-world.json")))!.AsObject();
        var record = envelope["detail"]!.DeepClone().AsObject();
        record["eventID"] = eventId;
        return record;
    }

    /// <summary><c>aws cloudtrail lookup-events</c> output holding <paramref name="record"/> (as a JSON string, the way the API returns it).</summary>
    public static string LookupEvents(JsonObject record) => new JsonObject
    {
        ["Events"] = new JsonArray(new JsonObject
        {
            ["EventId"] = record["eventID"]!.GetValue<string>(),
            ["EventName"] = record["eventName"]!.GetValue<string>(),
            ["ReadOnly"] = "false",
            ["AccessKeyId"] = "ASIAEXAMPLEKEY",
            ["EventTime"] = "2026-11-20T09:14:03+00:00",
            ["EventSource"] = "ec2.amazonaws.com",
            ["Username"] = "jane.doe@example.com",
            ["Resources"] = new JsonArray(new JsonObject { ["ResourceType"] = "AWS::EC2::SecurityGroup", ["ResourceName"] = "sg-0a1b2c3d4e5f60718" }),
            ["CloudTrailEvent"] = record.ToJsonString(),
        }),
    }.ToJsonString();

    /// <summary>A CloudTrail log file (<c>{"Records":[...]}</c>), gzipped as CloudTrail writes it to S3.</summary>
    public static byte[] GzippedLogFile(params JsonObject[] records)
    {
        var text = new JsonObject { ["Records"] = new JsonArray([.. records]) }.ToJsonString();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
