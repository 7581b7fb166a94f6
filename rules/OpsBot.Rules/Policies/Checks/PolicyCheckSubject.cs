using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>A loaded policy with the resource type and collection its expressions were checked against.</summary>
/// <param name="Policy">The policy, fully read.</param>
/// <param name="ResourceType">Its resource type.</param>
/// <param name="Collection">Its selected collection.</param>
public sealed record PolicyCheckSubject(Policy Policy, IResourceType ResourceType, IElementCollection Collection);
