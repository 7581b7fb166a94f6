using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>
/// A kind of AWS resource that policies can govern: which CloudTrail events concern it, where the
/// resource ids sit in those events, and which element collections a policy can select.
/// </summary>
public interface IResourceType
{
    /// <summary>The name policies use in <c>resource:</c>, e.g. <c>aws.ec2.security-group</c>.</summary>
    string Name { get; }

    /// <summary>The CloudTrail <c>eventSource</c> of its events, e.g. <c>ec2.amazonaws.com</c>.</summary>
    string EventSource { get; }

    /// <summary>The CloudTrail event names that can change it, usable as policy triggers.</summary>
    IReadOnlyList<string> EventNames { get; }

    /// <summary>The element collections a policy can <c>select</c>, e.g. <c>ingress</c>, <c>egress</c>.</summary>
    IReadOnlyList<string> Selections { get; }

    /// <summary>The resources a (successful) event concerns.</summary>
    /// <exception cref="MalformedEventException">The event lacks the ids it must carry.</exception>
    IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent);
}
