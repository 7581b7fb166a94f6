using OpsBot.Cli.Commands;

namespace OpsBot.Cli.Scan;

/// <summary>
/// An <c>--accounts</c> file: one 12-digit account id per line; blank lines and everything after
/// <c>#</c> are ignored. A bad line is refused as <c>file:line</c>, so a typo never scans fewer accounts.
/// </summary>
internal static class AccountsFile
{
    /// <exception cref="InputFileException">The file is missing, empty of ids, or a line is not an account id.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException($"--accounts {path}: no such file");
        }

        var accounts = new List<string>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var hash = lines[i].IndexOf('#', StringComparison.Ordinal);
            var id = (hash >= 0 ? lines[i][..hash] : lines[i]).Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (id.Length != 12 || !id.All(char.IsAsciiDigit))
            {
                throw new InputFileException($"{path}:{i + 1}: '{id}' is not a 12-digit account id");
            }

            if (!accounts.Contains(id, StringComparer.Ordinal))
            {
                accounts.Add(id);
            }
        }

        return accounts.Count > 0 ? accounts : throw new InputFileException($"{path}: no account ids");
    }
}
