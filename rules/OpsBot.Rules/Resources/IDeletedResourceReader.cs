using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>
/// A resource type whose deletion is itself something policies judge (a CloudTrail trail deleted):
/// when the resource an event names no longer exists, the pipeline and the offline evaluator ask
/// for a fact standing for the deleted resource and evaluate that, instead of skipping the event as
/// resource-not-found.
/// </summary>
public interface IDeletedResourceReader
{
    /// <summary>
    /// The fact standing for the resource <paramref name="reference"/> names, deleted by
    /// <paramref name="cloudTrailEvent"/>; null when the event is not a deletion (the missing resource is then skipped).
    /// </summary>
    object? Deleted(CloudTrailEvent cloudTrailEvent, ResourceReference reference);
}
