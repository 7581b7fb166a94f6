namespace OpsBot.Functions.Aws.Organizations;

/// <summary>The accounts of the organization the central account belongs to.</summary>
public interface IOrganizationAccounts
{
    /// <summary>Every active account (suspended and closing ones left out), the management account included, read to the last page.</summary>
    /// <exception cref="Http.AwsCallException">Organizations refused (e.g. <c>AWSOrganizationsNotInUseException</c>, <c>AccessDeniedException</c>) or kept failing, or listed no account at all (<c>NoAccounts</c>).</exception>
    Task<IReadOnlyList<OrganizationAccount>> ListActiveAccountsAsync(CancellationToken cancellationToken);
}
