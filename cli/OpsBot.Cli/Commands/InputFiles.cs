using System.Text;
using System.Text.Json;
using OpsBot.Rules.Events;

namespace OpsBot.Cli.Commands;

/// <summary>
/// Reads the files named on the command line, <c>-</c> being standard input. Each is refused over
/// <see cref="MaxBytes"/> before it is read, and every failure is an <see cref="InputFileException"/>
/// that starts with the path. A verb that reads whole inventories may allow more than
/// <see cref="MaxBytes"/> through <paramref name="maxBytes"/>.
/// </summary>
internal sealed class InputFiles(Stream standardInput, long maxBytes = InputFiles.MaxBytes)
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The largest input read (16 MiB): well above any describe output or CloudTrail log file.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private const string Limit = "the 16 MiB limit";

    private readonly string _limit = maxBytes == MaxBytes ? Limit : $"the {maxBytes / (1024 * 1024)} MiB limit";

    private bool _standardInputRead;

    /// <summary>The bytes of <paramref name="path"/>.</summary>
    /// <exception cref="InputFileException">Missing, unreadable, over the limit, or standard input asked for twice.</exception>
    public byte[] ReadBytes(string path) => path == StandardInput ? ReadStandardInput() : ReadFile(path);

    /// <summary>The text of <paramref name="path"/>, checked to be JSON so that a syntax error is reported as path:line:col.</summary>
    /// <exception cref="InputFileException">As for <see cref="ReadBytes"/>, or the text is not JSON.</exception>
    public string ReadJsonText(string path)
    {
        var bytes = ReadBytes(path);
        try
        {
            JsonSyntaxException.Parse(bytes).Dispose();
        }
        catch (JsonSyntaxException ex)
        {
            throw Invalid(path, ex);
        }

        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>The error for JSON that does not parse in <paramref name="path"/>: <c>path:line:col: invalid JSON: reason</c>.</summary>
    public static InputFileException Invalid(string path, JsonSyntaxException syntax) =>
        new($"{path}:{syntax.Line}:{syntax.Column}: invalid JSON: {syntax.Reason}");

    /// <summary>Refuses <paramref name="path"/> when it is missing or over <see cref="MaxBytes"/>, without reading it.</summary>
    /// <exception cref="InputFileException">Missing, a folder, unreadable or over the limit.</exception>
    public static void CheckSize(string path) => Guard(path, () =>
    {
        var length = new FileInfo(path).Length;
        return length > MaxBytes ? throw new InputFileException($"{path}: {length} bytes, over {Limit}") : length;
    });

    private byte[] ReadFile(string path)
    {
        Guard(path, () =>
        {
            var length = new FileInfo(path).Length;
            return length > maxBytes ? throw new InputFileException($"{path}: {length} bytes, over {_limit}") : length;
        });
        return Guard(path, () => File.ReadAllBytes(path));
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException($"{path}: {(Directory.Exists(path) ? "is a folder, not a file" : "no such file or directory")}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: {ex.Message}");
        }
    }

    // A pipe has no length to check first, so at most one byte past the limit is read.
    private byte[] ReadStandardInput()
    {
        if (_standardInputRead)
        {
            throw new InputFileException($"{StandardInput}: standard input can be read only once; give the other input as a file");
        }

        _standardInputRead = true;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = standardInput.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputFileException($"{StandardInput}: more than {maxBytes} bytes, over {_limit}");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
