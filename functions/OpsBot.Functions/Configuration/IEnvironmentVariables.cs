namespace OpsBot.Functions.Configuration;

/// <summary>Read access to environment variables, so settings and endpoints can be tested without touching the process environment.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    string? Get(string name);
}
