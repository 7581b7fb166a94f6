using System.CommandLine;

namespace OpsBot.Cli.Commands;

/// <summary>The <c>--endpoint-url</c> option: an absolute http(s) URL of an AWS emulator.</summary>
internal static class EndpointOption
{
    public static Option<string?> Create(string description) => new("--endpoint-url") { Description = description };

    /// <summary>The URL given, or null when none was.</summary>
    /// <exception cref="InputFileException">The value is not an absolute http(s) URL.</exception>
    public static Uri? Parse(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new InputFileException($"--endpoint-url '{value}' is not an absolute http(s) URL");
}
