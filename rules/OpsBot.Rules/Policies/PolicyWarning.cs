namespace OpsBot.Rules.Policies;

/// <summary>
/// A policy that loads but probably does not do what its author meant, with where it is and the
/// check that found it (the name a policy lists under <c>acknowledge</c> to say it is meant).
/// </summary>
public sealed record PolicyWarning(SourceLocation Location, string Check, string Message)
{
    /// <summary><c>file:line:col: warning: message</c>.</summary>
    public override string ToString() => $"{Location}: warning: {Message}";
}
