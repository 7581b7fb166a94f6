namespace OpsBot.Rules.Actions;

/// <summary>Validated option values by name, defaults filled in; actions turn them into their typed options record.</summary>
public sealed class ActionOptionValues(IReadOnlyDictionary<string, object> values)
{
    /// <summary>A boolean option.</summary>
    public bool Boolean(string name) => (bool)values[name];

    /// <summary>An integer option.</summary>
    public int Integer(string name) => (int)values[name];

    /// <summary>A string option.</summary>
    public string String(string name) => (string)values[name];
}
