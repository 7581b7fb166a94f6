namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// What seeding a case's state gave: the document's ids (and names) with the ones the emulator
/// assigned, to be rewritten in the case's event; or why the state could not be created.
/// </summary>
/// <param name="Replacements">Document value to emulator value, e.g. <c>sg-0a1b…</c> to <c>sg-7f3e…</c>.</param>
/// <param name="SkipReason">Why the case cannot run on the emulator, or null.</param>
public sealed record CaseSeed(IReadOnlyDictionary<string, string> Replacements, string? SkipReason)
{
    /// <summary>The state was created; <paramref name="replacements"/> say which ids changed.</summary>
    public static CaseSeed Created(IReadOnlyDictionary<string, string> replacements) => new(replacements, null);

    /// <summary>The state could not be created, for <paramref name="reason"/>.</summary>
    public static CaseSeed Skip(string reason) => new(new Dictionary<string, string>(), reason);
}
