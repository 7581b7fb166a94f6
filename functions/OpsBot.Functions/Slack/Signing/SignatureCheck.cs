namespace OpsBot.Functions.Slack.Signing;

/// <summary>The outcome of checking one request's Slack signature.</summary>
/// <param name="Rejection">Why it was refused, or <see cref="SignatureRejection.None"/> when it is genuine.</param>
/// <param name="Detail">A sentence for the audit record; never contains the secret or the expected signature.</param>
public sealed record SignatureCheck(SignatureRejection Rejection, string Detail)
{
    /// <summary>True when the request is genuine and fresh.</summary>
    public bool IsValid => Rejection == SignatureRejection.None;

    /// <summary>The accepted outcome.</summary>
    public static SignatureCheck Valid { get; } = new(SignatureRejection.None, "signature verified");

    /// <summary>A refusal for <paramref name="rejection"/> with <paramref name="detail"/>.</summary>
    public static SignatureCheck Reject(SignatureRejection rejection, string detail) => new(rejection, detail);
}
