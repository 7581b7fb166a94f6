using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Pipeline;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// The sweeper's scan for violations that no event reported (a lost event, a rule created before
/// OpsBot, a policy added later): every security group of the given accounts and regions is read
/// live and run through <see cref="RemediationPipeline.SweepGroupAsync"/>. A failing account, region
/// or group is recorded and skipped; the sweep goes on with the others.
/// </summary>
public sealed class MissedViolationSweep(RemediationPipeline pipeline, IAccountSessions sessions)
{
    /// <summary>Sweeps every group of <paramref name="accounts"/> in <paramref name="regions"/>.</summary>
    public async Task<MissedViolationSweepResult> SweepAsync(IReadOnlyList<string> accounts, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(regions);
        int groups = 0, violating = 0, acted = 0, known = 0;
        var errors = new List<string>();
        foreach (var account in accounts)
        {
            foreach (var region in regions)
            {
                try
                {
                    var client = await sessions.SecurityGroupsAsync(account, region, cancellationToken);
                    foreach (var groupId in await client.ListGroupIdsAsync(cancellationToken))
                    {
                        try
                        {
                            var group = await client.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, groupId), cancellationToken);
                            if (group is null)
                            {
                                continue;
                            }

                            groups++;
                            var result = await pipeline.SweepGroupAsync(account, region, group, client, cancellationToken);
                            violating += result is null ? 0 : 1;
                            acted += result is { IsDuplicate: false } ? 1 : 0;
                            known += result is { IsDuplicate: true } ? 1 : 0;
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            errors.Add($"{account} {region} {groupId}: {ex.Message}");
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors.Add($"{account} {region}: {ex.Message}");
                }
            }
        }

        return new MissedViolationSweepResult(groups, violating, acted, known, errors);
    }
}
