namespace OpsBot.Functions.Audit;

/// <summary>
/// Caps text that goes into audit records, so a record always fits a DynamoDB item (400 KB) however
/// large the input it describes: a cut text ends with a marker saying how much was dropped.
/// </summary>
public static class AuditText
{
    /// <summary>The most characters kept of a reason.</summary>
    public const int MaxReason = 8_000;

    /// <summary>The most characters kept of one error, explanation or announcement line.</summary>
    public const int MaxLine = 2_000;

    /// <summary>The most error lines kept.</summary>
    public const int MaxErrors = 50;

    /// <summary><paramref name="text"/>, cut to at most <paramref name="max"/> characters with a marker saying how many were dropped.</summary>
    public static string Cap(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        // The marker never needs more than this many characters, so the cut text never exceeds max.
        const int MarkerRoom = 48;
        var keep = Math.Max(0, max - MarkerRoom);
        return string.Concat(text.AsSpan(0, keep), $" …[truncated: {text.Length - keep} more characters]");
    }

    /// <summary><paramref name="record"/> with every free text capped (reason, errors, actor, explanations).</summary>
    public static AuditRecord Fit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = record.Errors.Select(e => Cap(e, MaxLine)).ToList();
        if (errors.Count > MaxErrors)
        {
            errors = [.. errors.Take(MaxErrors - 1), $"…[truncated: {errors.Count - MaxErrors + 1} more errors]"];
        }

        return record with
        {
            Reason = Cap(record.Reason, MaxReason),
            Errors = errors,
            EventName = Cap(record.EventName, 200),
            Resources = [.. record.Resources.Take(100).Select(r => Cap(r, 300))],
            Actor = record.Actor with
            {
                Arn = Cap(record.Actor.Arn, 2_000),
                SourceIp = Cap(record.Actor.SourceIp, 200),
                UserAgent = Cap(record.Actor.UserAgent, 1_000),
            },
            Decisions = [.. record.Decisions.Select(d => d with { Reason = Cap(d.Reason, MaxReason), Explanation = [.. d.Explanation.Select(e => Cap(e, MaxLine))] })],
        };
    }
}
