using OpsBot.Functions.Approvals;

namespace OpsBot.Functions.Slack.Connection;

/// <summary>User groups read from Slack (<c>usergroups.users.list</c>) at each click, so membership changes count at once.</summary>
public sealed class SlackUserGroupDirectory(SlackWorkspace workspace) : IUserGroupDirectory
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> MembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        var connection = await workspace.ConnectAsync(cancellationToken);
        return await connection.Client.UserGroupMembersAsync(userGroupId, cancellationToken);
    }
}
