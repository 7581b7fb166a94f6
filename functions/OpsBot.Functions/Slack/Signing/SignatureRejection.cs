namespace OpsBot.Functions.Slack.Signing;

/// <summary>Why a request's Slack signature was not accepted.</summary>
public enum SignatureRejection
{
    /// <summary>The request is accepted; no rejection.</summary>
    None,

    /// <summary>The <c>X-Slack-Request-Timestamp</c> header is absent or empty.</summary>
    MissingTimestamp,

    /// <summary>The <c>X-Slack-Request-Timestamp</c> header is not a whole number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is more than the allowed skew (5 minutes) away from now: a replay or a badly wrong clock.</summary>
    StaleTimestamp,

    /// <summary>The <c>X-Slack-Signature</c> header is absent or empty.</summary>
    MissingSignature,

    /// <summary>The signature is not <c>v0=</c> followed by 64 hex digits.</summary>
    MalformedSignature,

    /// <summary>The signature is well formed but does not match the body: tampered body, or another signing secret.</summary>
    SignatureMismatch,
}
