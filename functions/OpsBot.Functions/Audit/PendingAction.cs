namespace OpsBot.Functions.Audit;

/// <summary>A remediation waiting for a human (approve mode): what would be revoked, who may approve, until when.</summary>
/// <param name="EventId">The event that led to it.</param>
/// <param name="PolicyId">The policy.</param>
/// <param name="Account">The member account.</param>
/// <param name="Region">The region.</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="Action">The action to run when approved.</param>
/// <param name="Revoke">The exact elements that would be revoked.</param>
/// <param name="Approvers">Who may approve.</param>
/// <param name="RequestedAt">When approval was asked for.</param>
/// <param name="ExpiresAt">When the request lapses.</param>
public sealed record PendingAction(
    string EventId,
    string PolicyId,
    string Account,
    string Region,
    string ResourceId,
    string Action,
    IReadOnlyList<AuditPermission> Revoke,
    IReadOnlyList<string> Approvers,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt);
