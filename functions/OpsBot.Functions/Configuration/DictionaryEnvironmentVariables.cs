namespace OpsBot.Functions.Configuration;

/// <summary>A fixed set of variables: for tests and for the CLI, which merges its options over the process environment.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
{
    /// <inheritdoc />
    public string? Get(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
