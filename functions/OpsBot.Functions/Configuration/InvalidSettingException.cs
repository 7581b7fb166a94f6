namespace OpsBot.Functions.Configuration;

/// <summary>A setting is missing or malformed; raised at start-up, before any event is handled.</summary>
public sealed class InvalidSettingException(string setting, string problem)
    : Exception($"setting {setting}: {problem}")
{
    /// <summary>The environment variable (or option) at fault, e.g. <c>OPSBOT_TABLE</c>.</summary>
    public string Setting { get; } = setting;
}
