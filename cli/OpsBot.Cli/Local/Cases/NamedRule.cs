namespace OpsBot.Cli.Local.Cases;

/// <summary>A security-group rule as a case's event or rules document names it: its id and what it allows.</summary>
/// <param name="Id">The document's rule id (<c>sgr-…</c>).</param>
/// <param name="GroupId">The document's group id.</param>
/// <param name="IsEgress">True for an egress rule.</param>
/// <param name="Protocol">The protocol as written (<c>tcp</c>, <c>-1</c>).</param>
/// <param name="FromPort">The first port, or null.</param>
/// <param name="ToPort">The last port, or null.</param>
/// <param name="Source">The CIDR (v4 or v6), prefix list or referenced group the rule allows.</param>
public sealed record NamedRule(string Id, string? GroupId, bool IsEgress, string? Protocol, int? FromPort, int? ToPort, string? Source);
