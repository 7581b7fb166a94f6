namespace OpsBot.Functions.Brakes;

/// <summary>
/// Whether <paramref name="userId"/> is one of <paramref name="allowed"/> (Slack user ids, or user groups
/// expanded now), and, when not, what could not be checked (a group that could not be read), for the refusal.
/// </summary>
public delegate Task<(bool Allowed, string Problem)> ApproverCheck(IReadOnlyList<string> allowed, string userId, CancellationToken cancellationToken);
