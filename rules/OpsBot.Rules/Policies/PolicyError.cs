namespace OpsBot.Rules.Policies;

/// <summary>One thing wrong with a policy file, with where it is.</summary>
public sealed record PolicyError(SourceLocation Location, string Message)
{
    /// <summary><c>file:line:col: message</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
