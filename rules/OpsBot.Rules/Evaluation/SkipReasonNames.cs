namespace OpsBot.Rules.Evaluation;

/// <summary>The kebab-case names of skip reasons used in test cases, JSON output and audit records.</summary>
public static class SkipReasonNames
{
    private static readonly Dictionary<SkipReason, string> Names = new()
    {
        [SkipReason.Exempt] = "exempt",
        [SkipReason.Compliant] = "compliant",
        [SkipReason.FailedCall] = "failed-call",
        [SkipReason.NoPolicy] = "no-policy",
        [SkipReason.ResourceNotFound] = "resource-not-found",
        [SkipReason.OwnAction] = "own-action",
    };

    /// <summary>The name of <paramref name="reason"/>, e.g. <c>failed-call</c>.</summary>
    public static string Name(this SkipReason reason) => Names[reason];

    /// <summary>The reason called <paramref name="name"/>, or null.</summary>
    public static SkipReason? Parse(string name) =>
        Names.FirstOrDefault(n => n.Value == name) is { Value: not null } found ? found.Key : null;

    /// <summary>Every name.</summary>
    public static IEnumerable<string> All => Names.Values;
}
