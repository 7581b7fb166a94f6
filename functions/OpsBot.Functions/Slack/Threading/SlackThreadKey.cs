namespace OpsBot.Functions.Slack.Threading;

/// <summary>What makes alerts "the same": one policy on one resource in one account.</summary>
/// <param name="Account">The member account.</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="PolicyId">The policy.</param>
public sealed record SlackThreadKey(string Account, string ResourceId, string PolicyId)
{
    /// <summary>A single-string form, e.g. for a table key: <c>account|resource|policy</c>.</summary>
    public override string ToString() => $"{Account}|{ResourceId}|{PolicyId}";
}
