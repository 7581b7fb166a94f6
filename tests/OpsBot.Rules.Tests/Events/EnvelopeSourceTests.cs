using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

public class EnvelopeSourceTests
{
    [Fact]
    public void An_event_from_an_application_source_is_rejected_naming_the_source()
    {
        var json = CapturedEvent.Envelope(e => e["source"] = "custom.app");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("envelope 'source' is 'custom.app'; only AWS services' events (aws.*) are accepted", ex.Message);
    }

    [Fact]
    public void An_event_whose_source_only_contains_aws_is_rejected()
    {
        var json = CapturedEvent.Envelope(e => e["source"] = "myaws.ec2");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.StartsWith("envelope 'source' is 'myaws.ec2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_without_a_source_is_rejected()
    {
        var json = CapturedEvent.Envelope(e => e.Remove("source"));

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("envelope has no 'source' string; only AWS services' events (aws.*) are accepted", ex.Message);
    }

    [Fact]
    public void A_bare_cloudtrail_record_needs_no_source()
    {
        var json = CapturedEvent.Record(_ => { });

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal(("111111111111", "eu-west-1"), (e.Account, e.Region));
    }
}
