namespace OpsBot.Functions.Aws.Sts;

/// <summary>Gives access to the resources of a member account, with credentials valid for that account.</summary>
public interface IAccountSessions
{
    /// <summary>A session in <paramref name="accountId"/> and <paramref name="region"/> for <paramref name="purpose"/>, for the resource adapters.</summary>
    Task<MemberSession> MemberAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken);
}
