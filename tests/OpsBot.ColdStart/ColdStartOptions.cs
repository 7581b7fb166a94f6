using System.Globalization;

namespace OpsBot.ColdStart;

/// <summary>Command line: <c>--aot PATH</c> (the published bootstrap), <c>--jit PATH</c> (bootstrap.dll, run with dotnet), <c>--runs N</c>.</summary>
internal sealed record ColdStartOptions(string? AotPath, string? JitPath, int Runs)
{
    public const string Usage = "usage: OpsBot.ColdStart [--aot PATH/bootstrap] [--jit PATH/bootstrap.dll] [--runs N (default 5)]";

    public static ColdStartOptions Parse(string[] args)
    {
        string? aot = null, jit = null;
        var runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--aot":
                    aot = Existing(value);
                    break;
                case "--jit":
                    jit = Existing(value);
                    break;
                case "--runs":
                    runs = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--runs '{value}' must be a positive number");
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}. {Usage}");
            }

            i++;
        }

        return aot is null && jit is null ? throw new ArgumentException($"give --aot, --jit or both. {Usage}") : new ColdStartOptions(aot, jit, runs);
    }

    private static string Existing(string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new ArgumentException($"{path} does not exist");
}
