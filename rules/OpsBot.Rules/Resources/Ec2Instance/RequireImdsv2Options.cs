namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>Options of <c>require-imdsv2</c>: it has none; the change is always verified by re-reading the instance.</summary>
public sealed record RequireImdsv2Options
{
    /// <summary>The only value.</summary>
    public static RequireImdsv2Options Default { get; } = new();
}
