namespace OpsBot.Functions.Observability;

/// <summary>
/// One structured log line: a JSON object on the function's stdout, which CloudWatch Logs Insights
/// reads field by field (<c>filter policy = "..." and outcome = "failed"</c>). Fields not known for the
/// line are left out. Never carries a token, a signing secret or a webhook URL.
/// </summary>
public sealed record LogEntry
{
    /// <summary>When the line was written (set by <see cref="StructuredLog"/>).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public string Level { get; init; } = StructuredLog.Info;

    /// <summary>What happened, in words.</summary>
    public required string Message { get; init; }

    /// <summary>The function writing the line (<c>event-handler</c>, <c>sweeper</c>, <c>slack-interactions</c>), when known.</summary>
    public string? Function { get; init; }

    /// <summary>The event id.</summary>
    public string? EventId { get; init; }

    /// <summary>The policy id.</summary>
    public string? Policy { get; init; }

    /// <summary>The member account.</summary>
    public string? Account { get; init; }

    /// <summary>The region.</summary>
    public string? Region { get; init; }

    /// <summary>The resource id.</summary>
    public string? Resource { get; init; }

    /// <summary>The outcome (lower case: <c>remediated</c>, <c>pendingapproval</c>, <c>failed</c>, ...).</summary>
    public string? Outcome { get; init; }

    /// <summary>The key of the audit record that holds the whole story (the event id; the interaction record's id for a click).</summary>
    public string? AuditId { get; init; }

    /// <summary>The SQS message id, for a message that will be delivered again.</summary>
    public string? MessageId { get; init; }

    /// <summary>The reason or error in words.</summary>
    public string? Reason { get; init; }
}
