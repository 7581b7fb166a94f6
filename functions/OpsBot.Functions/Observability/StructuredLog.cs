using System.Text.Json;

namespace OpsBot.Functions.Observability;

/// <summary>
/// Writes <see cref="LogEntry"/> lines, one JSON object per line, to the function's log (stdout on
/// Lambda, which CloudWatch Logs keeps line by line). Lines from concurrent messages never interleave.
/// </summary>
/// <param name="log">Where the lines go.</param>
/// <param name="clock">The clock (each line's timestamp).</param>
/// <param name="function">The function's name, written on every line; null to leave it out.</param>
public sealed class StructuredLog(TextWriter log, TimeProvider clock, string? function = null)
{
    /// <summary>The level of lines about what went as it should.</summary>
    public const string Info = "info";

    /// <summary>The level of lines about what will be retried or needs a look.</summary>
    public const string Warning = "warning";

    /// <summary>The level of lines about what failed and will not fix itself.</summary>
    public const string Error = "error";

    /// <summary>A log that writes nothing (the CLI, whose stdout is its report).</summary>
    public static StructuredLog Null { get; } = new(TextWriter.Null, TimeProvider.System);

    /// <summary>Writes <paramref name="entry"/>, stamped with the time and the function.</summary>
    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (ReferenceEquals(log, TextWriter.Null))
        {
            return;
        }

        var line = JsonSerializer.Serialize(entry with { Timestamp = clock.GetUtcNow(), Function = entry.Function ?? function }, ObservabilityJsonContext.Default.LogEntry);
        lock (log)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }
}
