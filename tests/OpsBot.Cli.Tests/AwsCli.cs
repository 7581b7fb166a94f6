using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OpsBot.Cli.Tests;

/// <summary>
/// The AWS command line against an emulator, with given credentials: saved inventories in tests
/// are what it prints, not documents written by hand.
/// </summary>
/// <param name="endpoint">The emulator.</param>
/// <param name="accessKey">Access key id.</param>
/// <param name="secretKey">Secret key.</param>
/// <param name="sessionToken">Session token (of an assumed role), or empty.</param>
/// <param name="region">The region of every call.</param>
internal sealed class AwsCli(Uri endpoint, string accessKey, string secretKey, string sessionToken, string region)
{
    /// <summary>The JSON the call prints.</summary>
    /// <exception cref="InvalidOperationException">The call failed.</exception>
    public async Task<JsonNode> JsonAsync(params string[] args) =>
        await TryJsonAsync(args) ?? throw new InvalidOperationException($"aws {string.Join(' ', args)} printed nothing");

    /// <summary>The JSON the call prints; null when it printed nothing or failed with an error containing <paramref name="noneCode"/>.</summary>
    public async Task<JsonNode?> TryJsonAsync(string[] args, string? noneCode = null)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Concat(["--endpoint-url", endpoint.ToString(), "--region", region, "--output", "json"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = accessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretKey;
        start.Environment["AWS_SESSION_TOKEN"] = sessionToken;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            return noneCode is not null && (await error).Contains(noneCode, StringComparison.Ordinal)
                ? null
                : throw new InvalidOperationException($"aws {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        }

        var text = await output;
        return text.Trim().Length == 0 ? null : JsonNode.Parse(text);
    }
}
