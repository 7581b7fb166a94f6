using System.Text;
using System.Text.Json.Nodes;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

/// <summary>Reasons become audit records: a huge or absurdly deep message still gives a short one.</summary>
public class OversizedEventTests
{
    private const int HugeLength = 200_000;
    private const int ShortReason = 400;

    private static readonly string Huge = new('x', HugeLength);

    public static TheoryData<string, string> HugeFields => new()
    {
        { CapturedEvent.Envelope(e => e["source"] = "custom." + Huge), "envelope 'source' is 'custom.xxx" },
        { CapturedEvent.Envelope(e => e["detail-type"] = Huge), "detail-type is 'xxx" },
        { CapturedEvent.Envelope(e => e["account"] = Huge), "envelope 'account' is 'xxx" },
        { CapturedEvent.Envelope(e => e["region"] = Huge), "envelope 'region' is 'xxx" },
        { CapturedEvent.Envelope(e => e.Detail()["recipientAccountId"] = Huge), "detail.recipientAccountId is 'xxx" },
        { CapturedEvent.Envelope(e => e.Detail()["eventTime"] = Huge), "eventTime 'xxx" },
    };

    [Theory]
    [MemberData(nameof(HugeFields))]
    public void A_200_KB_field_is_echoed_cut_to_200_characters_with_its_length(string json, string start)
    {
        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.StartsWith(start, ex.Message, StringComparison.Ordinal);
        Assert.Contains("…(truncated, ", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < ShortReason, $"reason is {ex.Message.Length} chars");
    }

    [Fact]
    public void The_truncation_marker_gives_the_full_length_of_the_value()
    {
        var json = CapturedEvent.Envelope(e => e["source"] = Huge);

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal($"envelope 'source' is '{Huge[..200]}…(truncated, {HugeLength} chars)'; only AWS services' events (aws.*) are accepted", ex.Message);
    }

    [Fact]
    public void A_body_nested_thousands_of_levels_deep_is_rejected_with_a_short_reason()
    {
        var nested = new StringBuilder();
        nested.Insert(0, "{\"a\":", 10_000).Append('1').Append('}', 10_000);
        var json = CapturedEvent.Envelope(e => e.Detail()["requestParameters"] = JsonValue.Create("placeholder")).Replace("\"placeholder\"", nested.ToString(), StringComparison.Ordinal);

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.StartsWith("event is not valid JSON: ", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < ShortReason, $"reason is {ex.Message.Length} chars");
    }

    [Fact]
    public void A_parse_error_under_a_200_KB_property_name_gives_a_short_reason()
    {
        var json = "{\"detail\":{\"" + Huge + "\":" + new string('[', 100) + "}}";

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.StartsWith("event is not valid JSON: ", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < ShortReason, $"reason is {ex.Message.Length} chars");
    }

    [Fact]
    public void An_sqs_body_wrapping_another_sqs_message_is_rejected()
    {
        var inner = new JsonObject { ["messageId"] = "m-2", ["body"] = CapturedEvent.Envelope(_ => { }) }.ToJsonString();
        var json = new JsonObject { ["messageId"] = "m-1", ["body"] = inner }.ToJsonString();

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("SQS message body is itself an SQS message (has a \"body\"); only one level of wrapping is accepted", ex.Message);
    }
}
