namespace OpsBot.Functions.State;

/// <summary>One violation the blast-radius limit held in an account's window: a policy on a resource, and the events (audit records) that found it.</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="Region">The resource's region.</param>
/// <param name="HeldAt">When it was first held.</param>
/// <param name="Status">Where it stands: <c>held</c>, <c>releasing</c> or <c>released</c>.</param>
/// <param name="Events">The audit ids of the events held and not yet settled by a release.</param>
/// <param name="ReleasedBy">Who released it last; null while never released.</param>
public sealed record HeldViolation(string PolicyId, string ResourceId, string Region, DateTimeOffset HeldAt, string Status, IReadOnlyList<string> Events, string? ReleasedBy);
