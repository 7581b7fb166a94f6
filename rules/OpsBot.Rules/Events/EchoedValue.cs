namespace OpsBot.Rules.Events;

/// <summary>
/// Cuts a value taken from an event down to size for an error message. Those messages become
/// audit reasons, so a broken or hostile event with a 200 KB field must still give a short reason.
/// </summary>
internal static class EchoedValue
{
    /// <summary>The most characters of a value an error message repeats.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// <paramref name="value"/> cut to <see cref="MaxLength"/> characters, followed by a
    /// <c>…(truncated, N chars)</c> marker giving its full length when it was longer.
    /// </summary>
    public static string Truncate(string value) =>
        value.Length <= MaxLength ? value : $"{value[..MaxLength]}…(truncated, {value.Length} chars)";

    /// <summary><paramref name="value"/>, truncated as by <see cref="Truncate"/>, in single quotes.</summary>
    public static string Quote(string value) => $"'{Truncate(value)}'";
}
