using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// JSON text that does not parse, at a 1-based line and column (System.Text.Json counts both from
/// zero and puts them in its message, which is not how an editor or a person counts).
/// </summary>
public sealed class JsonSyntaxException(long line, long column, string reason)
    : Exception($"line {line}, column {column}: {reason}")
{
    /// <summary>The 1-based line of the problem.</summary>
    public long Line { get; } = line;

    /// <summary>The 1-based column (UTF-8 byte in the line, plus one) of the problem.</summary>
    public long Column { get; } = column;

    /// <summary>What is wrong, without the parser's position suffix.</summary>
    public string Reason { get; } = reason;

    /// <summary>The parser's exception with its position made 1-based and its message cut to the reason.</summary>
    public static JsonSyntaxException From(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
        return new JsonSyntaxException((exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, EchoedValue.Truncate(reason));
    }

    /// <summary>Parses <paramref name="utf8"/> (a leading byte-order mark is allowed).</summary>
    /// <exception cref="JsonSyntaxException">The text is not JSON.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        var bom = "\uFEFF"u8;
        try
        {
            return JsonDocument.Parse(utf8.Span.StartsWith(bom) ? utf8[bom.Length..] : utf8);
        }
        catch (JsonException ex)
        {
            throw From(ex);
        }
    }
}
