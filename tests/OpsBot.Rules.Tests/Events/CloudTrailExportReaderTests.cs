using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

public class CloudTrailExportReaderTests
{
    private static JsonObject Record(string eventId)
    {
        var record = CapturedEvent.Envelope().Detail().DeepClone().AsObject();
        record["eventID"] = eventId;
        return record;
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [Fact]
    public void Lookup_events_output_yields_each_record_from_its_CloudTrailEvent_string()
    {
        var export = new JsonObject
        {
            ["Events"] = new JsonArray(
                new JsonObject { ["EventId"] = "e-1", ["EventName"] = "AuthorizeSecurityGroupIngress", ["ReadOnly"] = "false", ["CloudTrailEvent"] = Record("e-1").ToJsonString() },
                new JsonObject { ["EventId"] = "e-2", ["EventName"] = "AuthorizeSecurityGroupIngress", ["ReadOnly"] = "false", ["CloudTrailEvent"] = Record("e-2").ToJsonString() }),
            ["NextToken"] = "token",
        };

        var events = CloudTrailExportReader.Read(Utf8(export));

        Assert.Equal(["e-1", "e-2"], events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(("111111111111", "eu-west-1", "AuthorizeSecurityGroupIngress"), (e.Account, e.Region, e.EventName)));
    }

    [Fact]
    public void A_gzipped_log_file_yields_every_record()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8(new JsonObject { ["Records"] = new JsonArray(Record("r-1"), Record("r-2"), Record("r-3")) }));
        }

        var events = CloudTrailExportReader.Read(buffer.ToArray());

        Assert.Equal(["r-1", "r-2", "r-3"], events.Select(e => e.Id));
    }

    [Fact]
    public void A_single_envelope_is_read_as_one_event()
    {
        var events = CloudTrailExportReader.Read(Utf8(CapturedEvent.Envelope()));

        Assert.Equal("0f4c1a5e-1d2b-4c3d-9e8f-0a1b2c3d4e5f", Assert.Single(events).Id);
    }

    [Fact]
    public void A_malformed_record_is_named_by_its_index()
    {
        var broken = Record("r-2");
        broken.Remove("eventSource");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailExportReader.Read(Utf8(new JsonObject { ["Records"] = new JsonArray(Record("r-1"), broken) })));

        Assert.Equal("Records[1]: CloudTrail detail has no \"eventSource\"", ex.Message);
    }

    [Fact]
    public void A_lookup_item_without_its_event_string_is_refused()
    {
        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailExportReader.Read(Utf8(new JsonObject { ["Events"] = new JsonArray(new JsonObject { ["EventId"] = "e-1" }) })));

        Assert.StartsWith("Events[0] has no \"CloudTrailEvent\" string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_reported_at_a_one_based_line_and_column()
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => CloudTrailExportReader.Read(Encoding.UTF8.GetBytes("{\n  \"Records\": [,]\n}")));

        Assert.Equal((2L, 15L), (ex.Line, ex.Column));
        Assert.DoesNotContain("LineNumber", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_is_refused_once_it_expands_past_the_limit()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[CloudTrailExportReader.MaxDecompressedBytes + 1]);
        }

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailExportReader.Read(buffer.ToArray()));

        Assert.Contains("more than 16 MiB", ex.Message, StringComparison.Ordinal);
    }
}
