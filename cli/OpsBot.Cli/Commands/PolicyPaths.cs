using System.CommandLine;

namespace OpsBot.Cli.Commands;

/// <summary>The <c>[PATH...]</c> argument shared by the verbs that read policies.</summary>
internal static class PolicyPaths
{
    /// <summary>Where policies are when no path is given.</summary>
    public const string DefaultFolder = "policies";

    /// <summary>A new zero-or-more paths argument.</summary>
    public static Argument<string[]> Argument() => new("paths")
    {
        Description = "Policy files or folders (default: ./policies).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The paths given, or the default folder.</summary>
    public static string[] Resolve(string[]? given) => given is { Length: > 0 } ? given : [DefaultFolder];

    /// <summary><paramref name="paths"/>, once each is known to exist and each file named to be within <see cref="InputFiles.MaxBytes"/>.</summary>
    /// <exception cref="InputFileException">The first path that does not: <c>path: no such file or directory</c>.</exception>
    public static IReadOnlyList<string> RequireExisting(IReadOnlyList<string> paths)
    {
        foreach (var path in paths.Where(p => !Directory.Exists(p)))
        {
            InputFiles.CheckSize(path);
        }

        return paths;
    }
}
