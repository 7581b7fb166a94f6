using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Evaluation;

/// <summary>What triage found: a reason to skip, or the resource type, candidate policies and resources.</summary>
/// <param name="SkipReason">Why the event needs no evaluation, or null.</param>
/// <param name="Detail">The skip reason in words.</param>
/// <param name="ResourceType">The resource type the event concerns.</param>
/// <param name="Policies">The policies that trigger on the event.</param>
/// <param name="Resources">Where the resources are.</param>
public sealed record TriageResult(SkipReason? SkipReason, string Detail, IResourceType? ResourceType, IReadOnlyList<Policy> Policies, IReadOnlyList<ResourceReference> Resources)
{
    /// <summary>A triage that ends the event's processing.</summary>
    public static TriageResult Skip(SkipReason reason, string detail) => new(reason, detail, null, [], []);
}
