namespace OpsBot.Functions.Pipeline;

/// <summary>What <see cref="OwnActions"/> made of an event's caller.</summary>
public enum OwnActionKind
{
    /// <summary>Not a session of OpsBot's member role: an event like any other.</summary>
    NotOwn,

    /// <summary>An OpsBot session whose audit record exists: OpsBot's own change, not acted on again.</summary>
    Recorded,

    /// <summary>Made with OpsBot's member role, but OpsBot has no record of it: evaluated as any event, and flagged.</summary>
    Unrecorded,
}
