namespace OpsBot.Functions.Approvals;

/// <summary>Resolves Slack user groups (<c>S…</c>) named as approvers to the users in them now.</summary>
public interface IUserGroupDirectory
{
    /// <summary>The user ids in <paramref name="userGroupId"/>.</summary>
    /// <exception cref="Slack.Client.SlackApiException">Slack refused or could not be reached.</exception>
    Task<IReadOnlyList<string>> MembersAsync(string userGroupId, CancellationToken cancellationToken);
}
