using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpsBot.ColdStart;

/// <summary>
/// Lists the AWS calls moto received between <see cref="StartAsync"/> and <see cref="StopAsync"/>, through
/// moto's own request recorder (<c>/moto-api/recorder/</c>): a load-independent figure beside the timings.
/// moto writes the recording to the file named by <c>MOTO_RECORDER_FILEPATH</c> in its environment, so the
/// harness sets that before it starts moto.
/// </summary>
internal sealed partial class MotoCallRecording(Uri moto)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Forgets what was recorded so far and starts recording.</summary>
    public async Task StartAsync()
    {
        (await Http.PostAsync(new Uri(moto, "moto-api/recorder/reset-recording"), null)).EnsureSuccessStatusCode();
        (await Http.PostAsync(new Uri(moto, "moto-api/recorder/start-recording"), null)).EnsureSuccessStatusCode();
    }

    /// <summary>Stops recording and returns the calls, in order, as "service Operation".</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        (await Http.PostAsync(new Uri(moto, "moto-api/recorder/stop-recording"), null)).EnsureSuccessStatusCode();
        var recording = await Http.GetStringAsync(new Uri(moto, "moto-api/recorder/download-recording"));
        return [.. recording.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Describe)];
    }

    private static string Describe(string line)
    {
        using var entry = JsonDocument.Parse(line);
        var root = entry.RootElement;
        var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        var service = headers.TryGetValue("Authorization", out var authorization) && ScopeService().Match(authorization) is { Success: true } scope ? scope.Groups[1].Value : "?";
        if (headers.TryGetValue("X-Amz-Target", out var target))
        {
            return $"{service} {target[(target.LastIndexOf('.') + 1)..]}";
        }

        var body = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? "" : "";
        if (root.TryGetProperty("body_encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }

        var action = ActionField().Match(body + "&" + root.GetProperty("url").GetString());
        return action.Success ? $"{service} {action.Groups[1].Value}" : $"{service} {root.GetProperty("method").GetString()}";
    }

    [GeneratedRegex(@"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request")]
    private static partial Regex ScopeService();

    [GeneratedRegex(@"(?:^|[&?])Action=([A-Za-z0-9]+)")]
    private static partial Regex ActionField();
}
