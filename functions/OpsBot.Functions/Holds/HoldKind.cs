using System.Text.Json.Serialization;

namespace OpsBot.Functions.Holds;

/// <summary>Why OpsBot leaves elements of a resource alone for a while.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoldKind>))]
public enum HoldKind
{
    /// <summary>Someone pressed Undo: the restored elements are not revoked again until the hold ends.</summary>
    Suppression,

    /// <summary>An approver exempted the resource from the policy for a while (the Exempt button).</summary>
    Exemption,
}
