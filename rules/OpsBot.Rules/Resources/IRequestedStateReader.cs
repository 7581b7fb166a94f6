using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>
/// A resource type that can say what a resource would look like if the call in a CloudTrail event
/// were all there is to it: the facts as the event requested them, for <c>opsbot replay</c>, which
/// has no live state. Parts an event does not carry are taken as absent (no tags, no other rules).
/// </summary>
public interface IRequestedStateReader
{
    /// <summary>The resource facts as <paramref name="cloudTrailEvent"/> requested them; empty when the event says too little.</summary>
    /// <exception cref="MalformedEventException">The event lacks the ids it must carry.</exception>
    IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent);
}
