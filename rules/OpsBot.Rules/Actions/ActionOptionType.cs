namespace OpsBot.Rules.Actions;

/// <summary>The YAML type of an action option.</summary>
public enum ActionOptionType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>Text.</summary>
    String,
}
