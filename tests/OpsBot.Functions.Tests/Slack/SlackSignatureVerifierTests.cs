using OpsBot.Functions.Slack.Signing;

namespace OpsBot.Functions.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example ("Verifying requests from Slack").
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset RequestTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackSignatureVerifier Verifier(string secret = SigningSecret, TimeSpan? clockOffset = null) =>
        new(secret, new VirtualClock(RequestTime + (clockOffset ?? TimeSpan.Zero)));

    [Fact]
    public void Accepts_Slacks_documented_example()
    {
        var check = Verifier().Verify(Timestamp, Signature, Body);

        Assert.True(check.IsValid, check.Detail);
    }

    [Fact]
    public void Signs_Slacks_documented_example_as_Slack_does()
    {
        Assert.Equal(Signature, Verifier().Sign(Timestamp, Body));
    }

    [Fact]
    public void Accepts_an_upper_case_hex_signature()
    {
        Assert.True(Verifier().Verify(Timestamp, "v0=" + Signature[3..].ToUpperInvariant(), Body).IsValid);
    }

    [Fact]
    public void Rejects_a_one_byte_change_to_the_body()
    {
        var tampered = Body.Replace("user_id=U2CERLKJA", "user_id=U2CERLKJB", StringComparison.Ordinal);

        var check = Verifier().Verify(Timestamp, Signature, tampered);

        Assert.Equal(SignatureRejection.SignatureMismatch, check.Rejection);
    }

    [Fact]
    public void Rejects_a_request_signed_with_another_secret()
    {
        var check = Verifier("8f742231b10e8888abcd99yyyzzz85a6").Verify(Timestamp, Signature, Body);

        Assert.Equal(SignatureRejection.SignatureMismatch, check.Rejection);
    }

    [Fact]
    public void Rejects_a_timestamp_more_than_five_minutes_old()
    {
        var check = Verifier(clockOffset: TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)).Verify(Timestamp, Signature, Body);

        Assert.Equal(SignatureRejection.StaleTimestamp, check.Rejection);
    }

    [Fact]
    public void Rejects_a_timestamp_more_than_five_minutes_in_the_future()
    {
        var check = Verifier(clockOffset: -TimeSpan.FromMinutes(6)).Verify(Timestamp, Signature, Body);

        Assert.Equal(SignatureRejection.StaleTimestamp, check.Rejection);
    }

    [Fact]
    public void Accepts_a_timestamp_exactly_five_minutes_old()
    {
        Assert.True(Verifier(clockOffset: TimeSpan.FromMinutes(5)).Verify(Timestamp, Signature, Body).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_a_missing_signature_header(string? header)
    {
        Assert.Equal(SignatureRejection.MissingSignature, Verifier().Verify(Timestamp, header, Body).Rejection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Rejects_a_missing_timestamp_header(string? header)
    {
        Assert.Equal(SignatureRejection.MissingTimestamp, Verifier().Verify(header, Signature, Body).Rejection);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999999")]
    public void Rejects_a_garbled_timestamp(string header)
    {
        Assert.Equal(SignatureRejection.MalformedTimestamp, Verifier().Verify(header, Signature, Body).Rejection);
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    public void Rejects_a_garbled_signature(string header)
    {
        Assert.Equal(SignatureRejection.MalformedSignature, Verifier().Verify(Timestamp, header, Body).Rejection);
    }

    [Fact]
    public void Never_puts_the_secret_or_the_expected_signature_in_the_detail()
    {
        var check = Verifier().Verify(Timestamp, "v0=" + new string('0', 64), Body);

        Assert.DoesNotContain(SigningSecret, check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature[3..], check.Detail, StringComparison.Ordinal);
    }
}
