using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Holds;

/// <summary>
/// The person who made a change may not approve it, undo its remediation or exempt it: the Slack user
/// is refused when the change's CloudTrail principal is that user (a session named after the Slack user
/// id, as OpsBot's own approval sessions are) or the IAM identity mapped to the user in
/// <c>OPSBOT_SLACK_ACTOR_USERS</c> (<c>U123=arn:aws:iam::111111111111:user/alice,...</c>).
/// </summary>
/// <param name="actorUsers">Slack user id to the IAM (or assumed-role session) ARNs that are that person.</param>
public sealed class SelfApprovalGuard(IReadOnlyDictionary<string, IReadOnlyList<string>> actorUsers)
{
    /// <summary>The environment variable mapping Slack users to IAM identities.</summary>
    public const string Variable = "OPSBOT_SLACK_ACTOR_USERS";

    /// <summary>A guard with no mapping: only a principal named after the Slack user id is recognised.</summary>
    public static SelfApprovalGuard Unmapped { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The mapping as configured.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ActorUsers { get; } = actorUsers ?? throw new ArgumentNullException(nameof(actorUsers));

    /// <summary>Why <paramref name="slackUser"/> made the change <paramref name="actor"/> recorded, or null when they did not.</summary>
    public string? OwnChange(AuditActor? actor, string slackUser)
    {
        ArgumentException.ThrowIfNullOrEmpty(slackUser);
        if (actor is null || string.IsNullOrEmpty(actor.Arn))
        {
            return null;
        }

        var session = actor.Arn[(actor.Arn.LastIndexOf('/') + 1)..];
        if (actor.Arn.Contains(":assumed-role/", StringComparison.Ordinal) && string.Equals(session, slackUser, StringComparison.Ordinal))
        {
            return $"the change was made by {actor.Arn}, a session named after Slack user {slackUser}";
        }

        return ActorUsers.TryGetValue(slackUser, out var arns) && arns.Contains(actor.Arn, StringComparer.Ordinal)
            ? $"the change was made by {actor.Arn}, which {Variable} maps to Slack user {slackUser}"
            : null;
    }

    /// <summary>Reads <see cref="Variable"/>; an unset variable maps nobody.</summary>
    /// <exception cref="InvalidSettingException">An entry is not <c>U…=arn:aws:…</c>; names the entry's user, never more.</exception>
    public static SelfApprovalGuard Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in (environment.Get(Variable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var user = equals < 0 ? entry : entry[..equals].Trim();
            var arn = equals < 0 ? "" : entry[(equals + 1)..].Trim();
            if (user.Length < 2 || user[0] is not ('U' or 'W') || !user.All(char.IsAsciiLetterOrDigit))
            {
                throw new InvalidSettingException(Variable, $"'{(user.Length > 16 ? user[..16] + "…" : user)}' is not a Slack user id (U… or W…); write U123=arn:aws:iam::111111111111:user/alice");
            }

            if (!arn.StartsWith("arn:aws", StringComparison.Ordinal) || arn.Split(':').Length < 6)
            {
                throw new InvalidSettingException(Variable, $"the identity of {user} is not an ARN (arn:aws:iam::111111111111:user/alice)");
            }

            if (!map.TryGetValue(user, out var arns))
            {
                map[user] = arns = [];
            }

            arns.Add(arn);
        }

        return new SelfApprovalGuard(map.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }
}
