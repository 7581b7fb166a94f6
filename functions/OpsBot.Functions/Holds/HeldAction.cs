namespace OpsBot.Functions.Holds;

/// <summary>One entry of the holds list: an exemption, a suppression, or an action a brake held.</summary>
/// <param name="Kind"><c>exemption</c>, <c>suppression</c> or <c>held</c>.</param>
/// <param name="Account">The member account.</param>
/// <param name="Region">The region.</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="PolicyId">The policy.</param>
/// <param name="By">Who: the Slack user (exemption, suppression) or the principal whose change was held.</param>
/// <param name="Why">The reason given, or the brake's reason.</param>
/// <param name="Until">When it ends; null when the record does not say.</param>
/// <param name="AuditId">The event id of the audit record.</param>
public sealed record HeldAction(string Kind, string Account, string Region, string ResourceId, string PolicyId, string By, string Why, DateTimeOffset? Until, string AuditId);
