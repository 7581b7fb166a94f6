using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

public class EnvelopeRegionTests
{
    [Theory]
    [InlineData("eu-west-1")]
    [InlineData("ap-southeast-4")]
    [InlineData("il-central-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-north-1")]
    [InlineData("us-isob-east-1")]
    public void A_region_in_any_partition_is_accepted(string region)
    {
        var json = CapturedEvent.Envelope(e =>
        {
            e["region"] = region;
            e.Detail()["awsRegion"] = region;
        });

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal(region, e.Region);
    }

    [Theory]
    [InlineData("r")]
    [InlineData("EU-WEST-1")]
    [InlineData("eu-west")]
    [InlineData("eu_west_1")]
    [InlineData("euwest-1")]
    [InlineData("eu-west-1\n")]
    public void An_envelope_region_that_is_not_a_region_name_is_rejected(string region)
    {
        var json = CapturedEvent.Envelope(e => e["region"] = region);

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal($"envelope 'region' is '{region}'; expected an AWS region such as 'eu-west-1', 'us-gov-west-1' or 'cn-north-1'", ex.Message);
    }

    [Fact]
    public void A_record_region_that_is_not_a_region_name_is_rejected()
    {
        var json = CapturedEvent.Envelope(e => e.Detail()["awsRegion"] = "global");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.StartsWith("detail.awsRegion is 'global'; expected an AWS region", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_envelope_and_the_record_disagree_on_the_region_the_envelope_wins_and_the_disagreement_is_reported()
    {
        var json = CapturedEvent.Envelope(e => e["region"] = "us-east-1");

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal("us-east-1", e.Region);
        Assert.Equal(["envelope 'region' is 'us-east-1' but detail.awsRegion is 'eu-west-1'; the envelope's region, the one EventBridge vouches for, is used"], e.Warnings);
    }

    [Fact]
    public void An_envelope_without_a_region_takes_the_record_region()
    {
        var json = CapturedEvent.Envelope(e => e.Remove("region"));

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal("eu-west-1", e.Region);
    }
}
