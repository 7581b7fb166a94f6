using System.Globalization;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Resources;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// The sweeper's scan for violations that no event reported (a lost event, a rule created before
/// OpsBot, a policy added later): every resource of every type some policy sweeps (security groups,
/// buckets, snapshots, ...) is read live in the accounts and regions, page by page with its type's
/// <see cref="IResourceLister"/>, and run through <see cref="RemediationPipeline.SweepResourceAsync"/>. It paces
/// itself (<see cref="SweepOptions.ActionInterval"/> between remediations in one account and region)
/// and stops at <see cref="SweepOptions.MaxGroups"/> resources or <see cref="SweepOptions.TimeBudget"/>, saying
/// so. A failing account, region, type or resource is recorded and skipped; the sweep goes on with the others.
/// </summary>
/// <param name="pipeline">Evaluates and acts on each resource.</param>
/// <param name="sessions">Reaches each account's resources.</param>
/// <param name="options">Pacing and limits.</param>
/// <param name="clock">Measures the budget and waits out the pacing (a virtual clock makes tests instant).</param>
/// <param name="accounts">Which accounts <see cref="SweepAllAsync"/> covers; null for none.</param>
/// <param name="listers">How each type's resources are listed; null for <see cref="ResourceListers.Default"/>.</param>
public sealed class MissedViolationSweep(RemediationPipeline pipeline, IAccountSessions sessions, SweepOptions options, TimeProvider clock, SweepAccountSource? accounts = null, ResourceListers? listers = null)
{
    /// <summary>
    /// The audit id in the name of the session a sweep reads accounts with; it makes no change (each
    /// finding is acted on through a session named after its own record).
    /// </summary>
    public const string ScanSession = "scan";

    /// <summary>Sweeps the accounts <see cref="SweepAccountSource"/> names in <paramref name="regions"/>; null when it can name none.</summary>
    public async Task<MissedViolationSweepResult?> SweepAllAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        if (accounts is null || accounts.IsEmpty)
        {
            return null;
        }

        var started = clock.GetUtcNow();
        var scope = await accounts.ResolveAsync(cancellationToken);
        return await SweepAsync(scope, regions, started, cancellationToken);
    }

    /// <summary>Sweeps every resource of <paramref name="accountIds"/> in <paramref name="regions"/>.</summary>
    public Task<MissedViolationSweepResult> SweepAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return SweepAsync(new SweepAccounts(accountIds, "given", null), regions, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<MissedViolationSweepResult> SweepAsync(SweepAccounts scope, IReadOnlyList<string> regions, DateTimeOffset started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var deadline = started + options.TimeBudget;
        int resources = 0, violating = 0, acted = 0, known = 0;
        var errors = new List<string>();
        if (scope.Error is { } sourceError)
        {
            errors.Add(sourceError);
        }

        string? stopped = null;
        foreach (var account in scope.Accounts)
        {
            foreach (var region in regions)
            {
                if ((stopped = StopReason(resources, deadline)) is not null)
                {
                    return Result();
                }

                DateTimeOffset? lastAction = null;
                MemberSession session;
                try
                {
                    session = await sessions.MemberAsync(account, region, SessionPurpose.Sweeper(ScanSession), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors.Add($"{account} {region}: {ex.Message}");
                    continue;
                }

                foreach (var lister in Listers())
                {
                    try
                    {
                        await foreach (var resource in lister.ListAsync(session, cancellationToken))
                        {
                            if ((stopped = StopReason(resources, deadline)) is not null || (stopped = await PaceAsync(lastAction, deadline, cancellationToken)) is not null)
                            {
                                return Result();
                            }

                            try
                            {
                                resources++;
                                var result = await pipeline.SweepResourceAsync(account, region, lister.ResourceType, resource, cancellationToken);
                                violating += result is null ? 0 : 1;
                                acted += result is { IsDuplicate: false } ? 1 : 0;
                                known += result is { IsDuplicate: true } ? 1 : 0;
                                lastAction = result is { IsDuplicate: false } ? clock.GetUtcNow() : lastAction;
                            }
                            catch (Exception ex) when (ex is not OperationCanceledException)
                            {
                                errors.Add($"{account} {region} {lister.ResourceType} {ResourceTypeRegistry.Default.Find(lister.ResourceType)?.ResourceId(resource)}: {ex.Message}");
                            }
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        errors.Add($"{account} {region} {lister.ResourceType}: {ex.Message}");
                    }
                }
            }
        }

        return Result();

        MissedViolationSweepResult Result() => new(resources, violating, acted, known, errors, scope.Accounts, scope.Source, stopped);
    }

    // The types some policy sweeps, each read with its lister, in the order the listers are registered.
    private IEnumerable<IResourceLister> Listers()
    {
        var swept = pipeline.SweptResourceTypes;
        return (listers ?? ResourceListers.Default).All.Where(l => swept.Contains(l.ResourceType));
    }

    private string? StopReason(int resources, DateTimeOffset deadline)
    {
        if (resources >= options.MaxGroups)
        {
            return $"reached the limit of {options.MaxGroups.ToString(CultureInfo.InvariantCulture)} resources per run";
        }

        return clock.GetUtcNow() >= deadline ? $"reached the time budget of {options.TimeBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : null;
    }

    // Waits until ActionInterval has passed since the last remediation in this account and region;
    // a compliant group costs no wait, so at most one wait is paid per remediation.
    private async Task<string?> PaceAsync(DateTimeOffset? lastAction, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (lastAction is not { } last)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var wait = last + options.ActionInterval - now;
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        if (now + wait >= deadline)
        {
            return $"reached the time budget of {options.TimeBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }

        await Task.Delay(wait, clock, cancellationToken);
        return null;
    }
}
