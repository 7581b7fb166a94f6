namespace OpsBot.Rules.Policies;

/// <summary>
/// How many times a policy may remediate the same resource on its own before OpsBot stops and asks a
/// human: something (a person, a CloudFormation stack, a Terraform run) keeps re-opening what was
/// closed, and closing it again would only continue the fight. The policy key is <c>remediation.fight</c>.
/// </summary>
/// <param name="Max">Automatic remediations of one resource allowed within <paramref name="Within"/>; the next violation is held and escalated once.</param>
/// <param name="Within">The window the remediations are counted in (fixed windows of this length).</param>
/// <param name="StackOwned">For a resource that carries the <c>aws:cloudformation:stack-name</c> tag: <see cref="RemediationMode.Approve"/> or <see cref="RemediationMode.Notify"/> instead of acting at once; null to treat it as any other.</param>
public sealed record FightLimits(int Max, TimeSpan Within, RemediationMode? StackOwned)
{
    /// <summary>The default: at most 3 automatic remediations of the same resource by the same policy within 1 hour.</summary>
    public static FightLimits Default { get; } = new(3, TimeSpan.FromHours(1), null);

    /// <summary>The tag CloudFormation puts on every resource of a stack.</summary>
    public const string StackTag = "aws:cloudformation:stack-name";

    /// <summary>The largest <see cref="Max"/> a policy may set.</summary>
    public const int LargestMax = 100;
}
