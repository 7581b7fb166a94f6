using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// Reads the CloudTrail events in what people actually save: the output of
/// <c>aws cloudtrail lookup-events</c> (<c>{"Events":[{"CloudTrailEvent":"&lt;record as a string&gt;"}]}</c>),
/// a CloudTrail log file (<c>{"Records":[...]}</c>, gzipped as CloudTrail writes it or not), or one
/// event in any form <see cref="CloudTrailEventReader"/> takes. Each record is read by that reader,
/// so an export yields exactly what the same record delivered by EventBridge would.
/// </summary>
public static class CloudTrailExportReader
{
    /// <summary>The most bytes a gzipped export may expand to; a bigger one is refused, not read.</summary>
    public const int MaxDecompressedBytes = 16 * 1024 * 1024;

    /// <summary>Reads <paramref name="content"/>: JSON text, or gzip of it (told by its magic bytes, not its name).</summary>
    /// <exception cref="JsonSyntaxException">The (decompressed) text is not JSON.</exception>
    /// <exception cref="MalformedEventException">The JSON is not an export or an event, or one of its records is malformed.</exception>
    public static IReadOnlyList<CloudTrailEvent> Read(ReadOnlyMemory<byte> content)
    {
        using var document = JsonSyntaxException.Parse(IsGzip(content.Span) ? Decompress(content) : content);
        return Read(document.RootElement);
    }

    /// <summary>Reads an already parsed export or event.</summary>
    /// <exception cref="MalformedEventException">The value is not an export or an event, or one of its records is malformed.</exception>
    public static IReadOnlyList<CloudTrailEvent> Read(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var records))
        {
            return [.. Items(records, "Records").Select((record, i) => ReadRecord(record, $"Records[{i}]"))];
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Events", out var events))
        {
            return [.. Items(events, "Events").Select(ReadLookedUp)];
        }

        return [CloudTrailEventReader.Read(root)];
    }

    private static CloudTrailEvent ReadLookedUp(JsonElement item, int index)
    {
        var where = $"Events[{index}]";
        var text = CloudTrailJson.String(item, "CloudTrailEvent")
            ?? throw new MalformedEventException($"{where} has no \"CloudTrailEvent\" string (expected 'aws cloudtrail lookup-events' output)");
        JsonDocument record;
        try
        {
            record = JsonSyntaxException.Parse(Encoding.UTF8.GetBytes(text));
        }
        catch (JsonSyntaxException ex)
        {
            throw new MalformedEventException($"{where}.CloudTrailEvent is not valid JSON: {ex.Message}");
        }

        using (record)
        {
            return ReadRecord(record.RootElement, $"{where}.CloudTrailEvent");
        }
    }

    private static CloudTrailEvent ReadRecord(JsonElement record, string where)
    {
        try
        {
            return CloudTrailEventReader.Read(record);
        }
        catch (MalformedEventException ex)
        {
            throw new MalformedEventException($"{where}: {ex.Message}");
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement list, string name) =>
        list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : throw new MalformedEventException($"\"{name}\" must be a list, found {list.ValueKind}");

    private static bool IsGzip(ReadOnlySpan<byte> content) => content.Length >= 2 && content[0] == 0x1f && content[1] == 0x8b;

    private static byte[] Decompress(ReadOnlyMemory<byte> content)
    {
        using var gzip = new GZipStream(new MemoryStream(content.ToArray(), writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                // Checked as it grows: a few kilobytes of gzip can expand to gigabytes.
                if (output.Length + read > MaxDecompressedBytes)
                {
                    throw new MalformedEventException($"gzipped export expands to more than {MaxDecompressedBytes / (1024 * 1024)} MiB");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new MalformedEventException($"not valid gzip: {ex.Message}");
        }

        return output.ToArray();
    }
}
