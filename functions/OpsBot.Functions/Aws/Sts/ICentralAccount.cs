namespace OpsBot.Functions.Aws.Sts;

/// <summary>The account OpsBot itself runs in (the one whose credentials it starts with).</summary>
public interface ICentralAccount
{
    /// <summary>The central account's 12-digit id.</summary>
    Task<string> CentralAccountAsync(CancellationToken cancellationToken);
}
