using System.Text;
using System.Text.Json;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Slack.Secrets;

/// <summary>
/// Reads the bot token and signing secret from the Secrets Manager secret named by
/// <see cref="SlackEnvironment.SecretArn"/> (JSON keys <c>botToken</c>, <c>signingSecret</c>), and the
/// channel and webhook URL from the environment. Speaks the JSON 1.1 <c>GetSecretValue</c> call over
/// an <see cref="HttpClient"/> that signs with SigV4 (see <c>SignedHttpClientFactory</c>, signing name
/// <c>secretsmanager</c>). The first successful read is kept for the life of the process.
/// </summary>
/// <param name="signedClient">A SigV4-signing client for <c>secretsmanager</c> in the secret's region.</param>
/// <param name="endpoint">The Secrets Manager endpoint.</param>
/// <param name="environment">Where the ARN, channel and webhook URL are read.</param>
public sealed class SecretsManagerSlackSecretSource(HttpClient signedClient, Uri endpoint, IEnvironmentVariables environment) : ISlackSecretSource
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SlackSecrets? cached;

    /// <inheritdoc />
    /// <exception cref="InvalidSettingException">The ARN is unset, the secret cannot be read, or its JSON lacks a key; the secret's text is never shown.</exception>
    public async Task<SlackSecrets> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return cached ??= await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SlackSecrets> ReadAsync(CancellationToken cancellationToken)
    {
        var arn = environment.Get(SlackEnvironment.SecretArn);
        if (string.IsNullOrWhiteSpace(arn))
        {
            throw new InvalidSettingException(SlackEnvironment.SecretArn, "is not set");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new GetSecretValueRequest(arn.Trim()), SlackSecretJsonContext.Default.GetSecretValueRequest),
                Encoding.UTF8,
                "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "secretsmanager.GetSecretValue");
        using var response = await signedClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidSettingException(SlackEnvironment.SecretArn, $"GetSecretValue answered HTTP {(int)response.StatusCode} {ErrorType(text)}");
        }

        var document = Parse(Parse(text, SlackSecretJsonContext.Default.GetSecretValueResponse)?.SecretString ?? "", SlackSecretJsonContext.Default.SlackSecretDocument);
        if (string.IsNullOrWhiteSpace(document?.BotToken) || string.IsNullOrWhiteSpace(document.SigningSecret))
        {
            throw new InvalidSettingException(SlackEnvironment.SecretArn, "the secret must be a JSON object with the keys botToken and signingSecret (its content is not shown)");
        }

        var slack = await new EnvironmentSlackSecretSource(new OverlaidEnvironment(environment, document)).GetAsync(cancellationToken).ConfigureAwait(false);
        return slack;
    }

    private static T? Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>AWS JSON errors carry <c>__type</c>, e.g. <c>ResourceNotFoundException</c>; nothing else from the body is repeated.</summary>
    private static string ErrorType(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var type = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("__type", out var value) ? value.GetString() ?? "" : "";
            var name = type[(type.LastIndexOf('#') + 1)..];
            return name.All(char.IsAsciiLetterOrDigit) ? name : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private sealed class OverlaidEnvironment(IEnvironmentVariables environment, SlackSecretDocument document) : IEnvironmentVariables
    {
        public string? Get(string name) => name switch
        {
            SlackEnvironment.BotToken => document.BotToken,
            SlackEnvironment.SigningSecret => document.SigningSecret,
            _ => environment.Get(name),
        };
    }
}
