using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpsBot.Functions.Slack.Signing;

/// <summary>
/// Verifies that a request really comes from Slack: <c>X-Slack-Signature</c> must equal
/// <c>v0=</c> + hex(HMAC-SHA256(signing secret, <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>)),
/// compared in constant time, and the timestamp must be within 5 minutes of the injected clock.
/// Bad input yields a <see cref="SignatureCheck"/> with a specific reason; it never throws.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The header carrying the request time in Unix seconds.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>How far the request time may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int SignatureHexLength = 64;

    private readonly byte[] signingSecret;
    private readonly TimeProvider clock;

    /// <summary>A verifier for the app's <paramref name="signingSecret"/>, judging freshness by <paramref name="clock"/>.</summary>
    public SlackSignatureVerifier(string signingSecret, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentNullException.ThrowIfNull(clock);
        this.signingSecret = Encoding.UTF8.GetBytes(signingSecret);
        this.clock = clock;
    }

    /// <summary>Checks a request given its two Slack headers (null when absent) and its body exactly as received.</summary>
    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, string? rawBody) =>
        Verify(timestampHeader, signatureHeader, Encoding.UTF8.GetBytes(rawBody ?? ""));

    /// <summary>Checks a request given its two Slack headers (null when absent) and its body bytes exactly as received.</summary>
    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return SignatureCheck.Reject(SignatureRejection.MissingTimestamp, $"the {TimestampHeader} header is missing");
        }

        var timestampText = timestampHeader.Trim();
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Reject(SignatureRejection.MalformedTimestamp, $"the {TimestampHeader} header is not a Unix time in seconds");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs((decimal)now - seconds) > (decimal)MaxClockSkew.TotalSeconds)
        {
            return SignatureCheck.Reject(SignatureRejection.StaleTimestamp, $"the request time is {Math.Abs((decimal)now - seconds)} s away from now (at most {MaxClockSkew.TotalSeconds} s allowed)");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Reject(SignatureRejection.MissingSignature, $"the {SignatureHeader} header is missing");
        }

        var signature = signatureHeader.Trim();
        Span<byte> presented = stackalloc byte[SignatureHexLength / 2];
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal)
            || signature.Length != Version.Length + 1 + SignatureHexLength
            || Convert.FromHexString(signature.AsSpan(Version.Length + 1), presented, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != presented.Length)
        {
            return SignatureCheck.Reject(SignatureRejection.MalformedSignature, $"the {SignatureHeader} header is not '{Version}=' followed by {SignatureHexLength} hex digits");
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(timestampText, rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? SignatureCheck.Valid
            : SignatureCheck.Reject(SignatureRejection.SignatureMismatch, "the signature does not match the request body");
    }

    /// <summary>
    /// The signature Slack would send for <paramref name="timestamp"/> and <paramref name="rawBody"/>:
    /// for local stand-ins and demos that must produce correctly signed requests.
    /// </summary>
    public string Sign(string timestamp, string rawBody)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(timestamp, Encoding.UTF8.GetBytes(rawBody ?? ""), mac);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> rawBody, Span<byte> destination)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        HMACSHA256.HashData(signingSecret, message, destination);
    }
}
