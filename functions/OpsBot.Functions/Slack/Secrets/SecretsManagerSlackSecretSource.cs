using System.Text.Json;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Slack.Secrets;

/// <summary>
/// Reads the bot token and signing secret from the Secrets Manager secret named by
/// <see cref="SlackEnvironment.SecretArn"/> (JSON keys <c>botToken</c>, <c>signingSecret</c>), and the
/// channel and webhook URL from the environment. Speaks the JSON 1.1 <c>GetSecretValue</c> call through
/// a <see cref="SignedServiceClient"/> (signing name <c>secretsmanager</c>), so a throttled, failing or
/// hung read is retried within seconds. The first successful read is kept for the life of the process.
/// </summary>
public sealed class SecretsManagerSlackSecretSource : ISlackSecretSource
{
    private readonly SignedServiceClient secretsManager;
    private readonly IEnvironmentVariables environment;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SlackSecrets? cached;

    /// <summary>A source reading through <paramref name="secretsManager"/>.</summary>
    /// <param name="secretsManager">Secrets Manager in the secret's region.</param>
    /// <param name="environment">Where the ARN, channel and webhook URL are read.</param>
    public SecretsManagerSlackSecretSource(SignedServiceClient secretsManager, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(secretsManager);
        ArgumentNullException.ThrowIfNull(environment);
        this.secretsManager = secretsManager;
        this.environment = environment;
    }

    /// <summary>A source posting to <paramref name="endpoint"/> through <paramref name="signedClient"/>, with <see cref="AwsRetryOptions.Default"/>.</summary>
    /// <param name="signedClient">A SigV4-signing client for <c>secretsmanager</c> in the secret's region.</param>
    /// <param name="endpoint">The Secrets Manager endpoint.</param>
    /// <param name="environment">Where the ARN, channel and webhook URL are read.</param>
    public SecretsManagerSlackSecretSource(HttpClient signedClient, Uri endpoint, IEnvironmentVariables environment)
        : this(new SignedServiceClient("secretsmanager", signedClient, endpoint, new AwsCallPolicy(AwsRetryOptions.Default, new AwsCallStatistics())), environment)
    {
    }

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

        var json = JsonSerializer.Serialize(new GetSecretValueRequest(arn.Trim()), SlackSecretJsonContext.Default.GetSecretValueRequest);
        AwsResponse response;
        try
        {
            response = await secretsManager.PostJsonAsync("secretsmanager.GetSecretValue", json, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsCallException ex)
        {
            throw new InvalidSettingException(SlackEnvironment.SecretArn, $"GetSecretValue answered {(ex.Status is { } status ? $"HTTP {(int)status}" : "nothing")} {SafeCode(ex.ErrorCode)}".TrimEnd());
        }

        var text = response.Body;
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

    // Only a plain error name is repeated: nothing from the body may leak the secret.
    private static string SafeCode(string code) => code.All(char.IsAsciiLetterOrDigit) ? code : "";

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
