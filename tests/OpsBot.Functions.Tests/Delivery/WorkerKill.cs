namespace OpsBot.Functions.Tests.Delivery;

/// <summary>Where a worker process is killed: right after a call of this kind took effect, before it sees the answer.</summary>
public enum WorkerKill
{
    /// <summary>No worker is killed.</summary>
    None,

    /// <summary>Right after an event's claim was written.</summary>
    AfterClaim,

    /// <summary>Right after a security group rule was revoked.</summary>
    AfterRevoke,
}
