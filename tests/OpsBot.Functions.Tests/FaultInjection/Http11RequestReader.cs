using System.Collections.Specialized;
using System.Globalization;
using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// Reads HTTP/1.1 requests (head, then a Content-Length or chunked body) one after another from a
/// client connection, keeping bytes read ahead for the next request on the same connection.
/// </summary>
internal sealed class Http11RequestReader(Stream stream)
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 64 * 1024 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] EndOfLine = "\r\n"u8.ToArray();
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.1 request this reader accepts.</exception>
    public async Task<ProxiedRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        var head = await ReadUntilAsync(EndOfHead, MaxHeadBytes, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"not an HTTP/1.x request line: '{lines[0]}'");
        }

        var headers = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"not an HTTP header: '{line}'");
            }

            headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        if (string.Equals(headers["Expect"], "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        var body = (headers["Transfer-Encoding"] ?? "").Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken)
            : await ReadExactlyAsync(ContentLength(headers), cancellationToken);
        return new ProxiedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int ContentLength(NameValueCollection headers)
    {
        var value = headers["Content-Length"];
        if (value is null)
        {
            return 0;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= MaxBodyBytes
            ? length
            : throw new InvalidDataException($"unusable Content-Length '{value}'");
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadUntilAsync(EndOfLine, MaxHeadBytes, cancellationToken) ?? throw new InvalidDataException("connection closed inside a chunked body");
            if (!int.TryParse(sizeLine.Split(';')[0].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || body.Length + size > MaxBodyBytes)
            {
                throw new InvalidDataException($"unusable chunk size '{sizeLine}'");
            }

            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (!string.IsNullOrEmpty(await ReadUntilAsync(EndOfLine, MaxHeadBytes, cancellationToken)))
                {
                }

                return body.ToArray();
            }

            await body.WriteAsync(await ReadExactlyAsync(size, cancellationToken), cancellationToken);
            await ReadExactlyAsync(EndOfLine.Length, cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var buffered = Math.Min(count, _end - _start);
        Array.Copy(_buffer, _start, result, 0, buffered);
        _start += buffered;
        await stream.ReadExactlyAsync(result.AsMemory(buffered), cancellationToken);
        return result;
    }

    // The text before the delimiter (which is consumed), or null if the connection ended before any byte of it.
    private async Task<string?> ReadUntilAsync(byte[] delimiter, int limit, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(delimiter);
            if (found >= 0)
            {
                var text = Encoding.Latin1.GetString(_buffer, _start, searched + found);
                _start += searched + found + delimiter.Length;
                return text;
            }

            searched = Math.Max(0, _end - _start - delimiter.Length + 1);
            if (_end - _start >= limit)
            {
                throw new InvalidDataException($"no end of line within {limit} bytes");
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return _end == _start ? null : throw new InvalidDataException("connection closed inside a request head");
            }

            _end += read;
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }
}
