using System.CommandLine;
using System.CommandLine.Parsing;

namespace OpsBot.Cli;

/// <summary>
/// What is wrong with a command line before any verb runs. An unknown option is refused even where
/// the parser would take it as a value (a path, a second <c>--state</c> file): <c>validate --strict</c>
/// must not validate a file named "--strict", and a mistyped <c>--jsno</c> must not become a state file.
/// </summary>
internal static class UsageErrors
{
    /// <summary>One line naming the first problem, or null when the line can run.</summary>
    public static string? First(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            // After "--" every token is a value by the user's own choice, e.g. a file named "-x".
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value))
            {
                return $"unknown option '{token.Value}'{HelpHint(parse)}";
            }
        }

        if (parse.UnmatchedTokens.FirstOrDefault() is { } unmatched)
        {
            return $"{(LooksLikeOption(unmatched) ? "unknown option" : "unexpected argument")} '{unmatched}'{HelpHint(parse)}";
        }

        return parse.Errors.FirstOrDefault() is { } error ? $"{error.Message.TrimEnd('.')}{HelpHint(parse)}" : null;
    }

    // "-" alone is a value: standard input.
    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';

    private static string HelpHint(ParseResult parse)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }

        path[0] = "opsbot";
        return $" (see '{string.Join(' ', path)} --help')";
    }
}
