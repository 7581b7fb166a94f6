using System.Globalization;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Pipeline;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// The sweeper's scan for violations that no event reported (a lost event, a rule created before
/// OpsBot, a policy added later): every security group of the accounts and regions is read live,
/// account-wide in pages, and run through <see cref="RemediationPipeline.SweepResourceAsync"/>. It paces
/// itself (<see cref="SweepOptions.ActionInterval"/> between remediations in one account and region)
/// and stops at <see cref="SweepOptions.MaxGroups"/> or <see cref="SweepOptions.TimeBudget"/>, saying
/// so. A failing account, region or group is recorded and skipped; the sweep goes on with the others.
/// </summary>
/// <param name="pipeline">Evaluates and acts on each group.</param>
/// <param name="sessions">Reaches each account's groups.</param>
/// <param name="options">Pacing and limits.</param>
/// <param name="clock">Measures the budget and waits out the pacing (a virtual clock makes tests instant).</param>
/// <param name="accounts">Which accounts <see cref="SweepAllAsync"/> covers; null for none.</param>
public sealed class MissedViolationSweep(RemediationPipeline pipeline, IAccountSessions sessions, SweepOptions options, TimeProvider clock, SweepAccountSource? accounts = null)
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

    /// <summary>Sweeps every group of <paramref name="accountIds"/> in <paramref name="regions"/>.</summary>
    public Task<MissedViolationSweepResult> SweepAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return SweepAsync(new SweepAccounts(accountIds, "given", null), regions, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<MissedViolationSweepResult> SweepAsync(SweepAccounts scope, IReadOnlyList<string> regions, DateTimeOffset started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var deadline = started + options.TimeBudget;
        int groups = 0, violating = 0, acted = 0, known = 0;
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
                if ((stopped = StopReason(groups, deadline)) is not null)
                {
                    return Result();
                }

                DateTimeOffset? lastAction = null;
                try
                {
                    var session = await sessions.MemberAsync(account, region, SessionPurpose.Sweeper(ScanSession), cancellationToken);
                    foreach (var group in await new Ec2SecurityGroupClient(session.Ec2).ReadAllAsync(cancellationToken))
                    {
                        if ((stopped = StopReason(groups, deadline)) is not null || (stopped = await PaceAsync(lastAction, deadline, cancellationToken)) is not null)
                        {
                            return Result();
                        }

                        try
                        {
                            groups++;
                            var result = await pipeline.SweepResourceAsync(account, region, SecurityGroupResourceType.TypeName, group, cancellationToken);
                            violating += result is null ? 0 : 1;
                            acted += result is { IsDuplicate: false } ? 1 : 0;
                            known += result is { IsDuplicate: true } ? 1 : 0;
                            lastAction = result is { IsDuplicate: false } ? clock.GetUtcNow() : lastAction;
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            errors.Add($"{account} {region} {group.GroupId}: {ex.Message}");
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors.Add($"{account} {region}: {ex.Message}");
                }
            }
        }

        return Result();

        MissedViolationSweepResult Result() => new(groups, violating, acted, known, errors, scope.Accounts, scope.Source, stopped);
    }

    private string? StopReason(int groups, DateTimeOffset deadline)
    {
        if (groups >= options.MaxGroups)
        {
            return $"reached the limit of {options.MaxGroups.ToString(CultureInfo.InvariantCulture)} groups per run";
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
