namespace OpsBot.Rules.Events;

/// <summary>Who made the call, from CloudTrail's <c>userIdentity</c>, <c>sourceIPAddress</c> and <c>userAgent</c>.</summary>
/// <param name="Type">Identity type: IAMUser, AssumedRole, Root, AWSService…</param>
/// <param name="Arn">The principal's ARN, or an empty string when CloudTrail gives none.</param>
/// <param name="AccountId">The principal's account.</param>
/// <param name="PrincipalId">The principal id.</param>
/// <param name="SourceIp">The caller's address, or the AWS service that called on its behalf.</param>
/// <param name="UserAgent">The client the caller used.</param>
public sealed record Actor(string Type, string Arn, string AccountId, string PrincipalId, string SourceIp, string UserAgent)
{
    /// <summary>An actor about whom the event says nothing.</summary>
    public static Actor Unknown { get; } = new("", "", "", "", "", "");
}
