using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Sweep;
using OpsBot.Rules.Events;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// <c>replay --live</c>: each event's resources read as they are now, in the event's account and
/// region, with the adapter's read (the role assumed there, or the caller's own credentials in
/// its own account). A resource that no longer exists is left out.
/// </summary>
internal sealed class LiveReplayState(LiveScanOptions options, IEnvironmentVariables environment, string region) : IDisposable
{
    private readonly AssumeRoleSessions _sessions = new(
        new AwsClientFactory(new AwsEndpoints(environment, options.Endpoint), LiveScan.Credentials(options.Profile)), region, options.Role ?? "", TimeProvider.System, RestoreDenyingSessionPolicy.Shipped);

    /// <summary>The live facts of <paramref name="cloudTrailEvent"/>'s resources of <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<object>> ReadAsync(CloudTrailEvent cloudTrailEvent, IResourceType type)
    {
        var facts = new List<object>();
        foreach (var reference in type.FindResources(cloudTrailEvent))
        {
            var adapter = ResourceAdapters.Default.Find(type.Name) ?? throw new InvalidOperationException($"{type.Name} cannot be read live");
            var session = await _sessions.MemberAsync(cloudTrailEvent.Account, cloudTrailEvent.Region, SessionPurpose.Sweeper(MissedViolationSweep.ScanSession), CancellationToken.None);
            var fact = adapter is IResourceReferenceReader byReference
                ? await byReference.ReadAsync(session, reference, CancellationToken.None)
                : await adapter.ReadAsync(session, reference.Id ?? reference.Name ?? "", CancellationToken.None);
            if (fact is not null)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <inheritdoc />
    public void Dispose() => _sessions.Dispose();
}
