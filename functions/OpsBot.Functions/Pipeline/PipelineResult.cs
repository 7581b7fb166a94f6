using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Pipeline;

/// <summary>What processing one message came to.</summary>
/// <param name="EventId">The event id (or <c>message:&lt;id&gt;</c> for a body that could not be read).</param>
/// <param name="Audit">The audit record written, or null for a duplicate (the first delivery wrote it).</param>
public sealed record PipelineResult(string EventId, AuditRecord? Audit)
{
    /// <summary>True when the event had already been processed and nothing was done.</summary>
    public bool IsDuplicate => Audit is null;
}
