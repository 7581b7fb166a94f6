using OpsBot.Functions.Aws.Ec2;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>Gives access to the resources of a member account, with credentials valid for that account.</summary>
public interface IAccountSessions
{
    /// <summary>The security groups of <paramref name="accountId"/> in <paramref name="region"/>.</summary>
    Task<ISecurityGroupClient> SecurityGroupsAsync(string accountId, string region, CancellationToken cancellationToken);
}
