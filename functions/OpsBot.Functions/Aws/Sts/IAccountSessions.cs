using OpsBot.Functions.Aws.Ec2;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>Gives access to the resources of a member account, with credentials valid for that account.</summary>
public interface IAccountSessions
{
    /// <summary>The security groups of <paramref name="accountId"/> in <paramref name="region"/>, through a session for <paramref name="purpose"/>.</summary>
    Task<ISecurityGroupClient> SecurityGroupsAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken);

    /// <summary>A session in <paramref name="accountId"/> and <paramref name="region"/> for <paramref name="purpose"/>, for the resource adapters of every other type.</summary>
    Task<MemberSession> MemberAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken);
}
