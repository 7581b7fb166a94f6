namespace OpsBot.Rules.Policies;

/// <summary>How serious a violation of the policy is.</summary>
public enum PolicySeverity
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
