using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Local.Cases;

/// <summary>What a seeder works from: the topology, the case's state documents, the event's resources and a suffix that keeps names unique across cases.</summary>
/// <param name="Topology">The local topology whose member account gets the state.</param>
/// <param name="StateDocument">The case's state document (AWS CLI shapes).</param>
/// <param name="Companion">The type's optional second document (security groups: describe-security-group-rules), or null.</param>
/// <param name="EventText">The CloudTrail record to be delivered, for ids it carries besides the resource's (e.g. rule ids).</param>
/// <param name="References">The resources the event points at, as the resource type finds them.</param>
/// <param name="Suffix">Lower-case letters and digits unique to the case, for names that must not collide.</param>
public sealed record CaseSeedContext(LocalTopology Topology, string StateDocument, string? Companion, string EventText, IReadOnlyList<ResourceReference> References, string Suffix);
