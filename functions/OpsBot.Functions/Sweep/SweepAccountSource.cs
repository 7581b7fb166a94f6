using OpsBot.Functions.Aws.Organizations;
using OpsBot.Functions.Aws.Sts;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// Decides which accounts a sweep covers: every active account of the organization plus the listed
/// ones, leaving out the central account unless it is listed; only the listed ones when Organizations
/// is not asked (<paramref name="organization"/> is null) or cannot be read (the error is kept).
/// </summary>
/// <param name="organization">The organization's accounts, or null not to ask.</param>
/// <param name="central">The central account, left out unless listed.</param>
/// <param name="configured">The listed accounts (<c>OPSBOT_SWEEP_ACCOUNTS</c>).</param>
public sealed class SweepAccountSource(IOrganizationAccounts? organization, ICentralAccount central, IReadOnlyList<string> configured)
{
    /// <summary>True when this source can name no account at all (no organization asked, none listed): there is nothing to sweep.</summary>
    public bool IsEmpty => organization is null && configured.Count == 0;

    /// <summary>The accounts to sweep now.</summary>
    public async Task<SweepAccounts> ResolveAsync(CancellationToken cancellationToken)
    {
        if (organization is null)
        {
            return new SweepAccounts([.. configured.Distinct(StringComparer.Ordinal)], "configured", null);
        }

        try
        {
            var members = await organization.ListActiveAccountsAsync(cancellationToken);
            var self = await central.CentralAccountAsync(cancellationToken);
            var accounts = members.Select(a => a.Id).Where(id => id != self).Concat(configured).Distinct(StringComparer.Ordinal).ToList();
            return new SweepAccounts(accounts, "organizations", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SweepAccounts([.. configured.Distinct(StringComparer.Ordinal)], "configured", $"organizations: {ex.Message}; the listed accounts were swept instead");
        }
    }
}
