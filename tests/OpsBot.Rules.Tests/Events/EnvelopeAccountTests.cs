using System.Text.Json.Nodes;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

public class EnvelopeAccountTests
{
    [Theory]
    [InlineData("11111111111")]
    [InlineData("1111111111111")]
    [InlineData("11111111111a")]
    [InlineData("111111111111\n")]
    [InlineData("")]
    public void An_envelope_account_that_is_not_twelve_digits_is_rejected(string account)
    {
        var json = CapturedEvent.Envelope(e => e["account"] = account);

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal($"envelope 'account' is '{account}'; expected a 12-digit AWS account id", ex.Message);
    }

    [Fact]
    public void An_envelope_account_that_is_an_object_is_rejected()
    {
        var json = CapturedEvent.Envelope(e => e["account"] = new JsonObject { ["id"] = "111111111111" });

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("envelope 'account' is an object; expected a 12-digit AWS account id", ex.Message);
    }

    [Fact]
    public void A_recipient_account_id_that_is_not_twelve_digits_is_rejected_even_when_the_envelope_has_an_account()
    {
        var json = CapturedEvent.Envelope(e => e.Detail()["recipientAccountId"] = "prod");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("detail.recipientAccountId is 'prod'; expected a 12-digit AWS account id", ex.Message);
    }

    [Fact]
    public void A_bare_record_with_a_malformed_recipient_account_id_is_rejected()
    {
        var json = CapturedEvent.Record(r => r["recipientAccountId"] = "1111-1111-1111");

        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Equal("CloudTrail record 'recipientAccountId' is '1111-1111-1111'; expected a 12-digit AWS account id", ex.Message);
    }

    [Fact]
    public void When_the_envelope_and_the_record_disagree_on_the_account_the_envelope_wins_and_the_disagreement_is_reported()
    {
        var json = CapturedEvent.Envelope(e => e["account"] = "222222222222");

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal("222222222222", e.Account);
        var warning = Assert.Single(e.Warnings);
        Assert.Equal("envelope 'account' is '222222222222' but detail.recipientAccountId is '111111111111'; " +
                     "the envelope's account, the one EventBridge vouches for, is used", warning);
    }

    [Fact]
    public void The_policy_fixture_whose_record_names_another_account_is_read_in_the_envelope_account_with_a_warning()
    {
        var e = CloudTrailEventReader.Read(File.ReadAllText(RepositoryPaths.Fixture("events/authorize-ssh-record-names-another-account.json")));

        Assert.Equal("111111111111", e.Account);
        Assert.Contains("detail.recipientAccountId is '333333333333'", Assert.Single(e.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_whose_envelope_and_record_agree_has_no_warnings()
    {
        var e = CloudTrailEventReader.Read(CapturedEvent.Envelope(_ => { }));

        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void An_envelope_without_an_account_takes_the_record_account_without_a_warning()
    {
        var json = CapturedEvent.Envelope(e => e.Remove("account"));

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal("111111111111", e.Account);
        Assert.Empty(e.Warnings);
    }
}
