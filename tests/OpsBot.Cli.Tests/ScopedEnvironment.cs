namespace OpsBot.Cli.Tests;

/// <summary>Runs a CLI call with some process environment variables set, and puts the old values back afterwards.</summary>
internal static class ScopedEnvironment
{
    /// <summary>Runs <paramref name="action"/> with <paramref name="variables"/> set (an empty value unsets one).</summary>
    public static async Task<T> RunAsync<T>(IReadOnlyDictionary<string, string> variables, Func<Task<T>> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
        }

        try
        {
            return await action();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
