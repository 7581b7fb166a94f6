namespace OpsBot.Lambda.Runtime;

/// <summary>The error document the Runtime API accepts for invocation and init errors.</summary>
/// <param name="ErrorMessage">What went wrong.</param>
/// <param name="ErrorType">The exception type name.</param>
/// <param name="StackTrace">Stack frames, one per element.</param>
public sealed record RuntimeError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    /// <summary>The error document of <paramref name="exception"/>.</summary>
    public static RuntimeError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new RuntimeError(
            exception.Message,
            exception.GetType().Name,
            (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
