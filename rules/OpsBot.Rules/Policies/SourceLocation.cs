namespace OpsBot.Rules.Policies;

/// <summary>A place in a policy file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The <c>file:line:col</c> form editors and CI understand.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
