using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Slack.Connection;

/// <summary>
/// OpsBot's Slack app as configured: reads the credentials on first use (so a Secrets Manager read
/// happens once per process and a missing secret fails the Slack part, not start-up) and keeps one
/// <see cref="SlackClient"/>, so per-channel pacing holds across every alert of the process.
/// </summary>
public sealed class SlackWorkspace(ISlackSecretSource secrets, HttpClient http, SlackClientOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackConnection? _connection;

    /// <summary>The connection; the first call reads the credentials.</summary>
    /// <exception cref="Configuration.InvalidSettingException">The credentials are missing or malformed (named, never shown).</exception>
    public async Task<SlackConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var credentials = await secrets.GetAsync(cancellationToken).ConfigureAwait(false);
                _connection = new SlackConnection(new SlackClient(http, credentials, options, clock), credentials);
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }
}
