using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// Where a snapshot event names its snapshot: <c>requestParameters.dBSnapshotIdentifier</c> (or
/// <c>dBClusterSnapshotIdentifier</c>), as CloudTrail spells RDS parameters. The API also takes the
/// snapshot's ARN there; the identifier is its last segment.
/// </summary>
internal static class SnapshotEventIds
{
    public static IReadOnlyList<ResourceReference> Find(CloudTrailEvent cloudTrailEvent, string typeName, string parameter)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var id = CloudTrailJson.String(cloudTrailEvent.RequestParameters, parameter);
        if (id is not { Length: > 0 })
        {
            throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no snapshot (no {parameter} in requestParameters)");
        }

        return [new ResourceReference(typeName, id.StartsWith("arn:", StringComparison.Ordinal) ? id[(id.LastIndexOf(':') + 1)..] : id)];
    }
}
