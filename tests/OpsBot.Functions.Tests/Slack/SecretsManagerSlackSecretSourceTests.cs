using System.Net;
using System.Text.Json.Nodes;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Tests.Slack;

public sealed class SecretsManagerSlackSecretSourceTests
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:999988887777:secret:opsbot/slack-AbCdEf";
    private const string Token = "xoxb-1111-2222-SECRETTOKENVALUE";
    private const string SigningSecret = "SIGNINGSECRETVALUE";

    private static readonly Uri Endpoint = new("https://secretsmanager.eu-west-1.example.test/");

    private static (SecretsManagerSlackSecretSource Source, RecordingHandler Handler) Source(HttpStatusCode status, string body)
    {
        var handler = new RecordingHandler(status, body);
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [SlackEnvironment.SecretArn] = Arn,
            [SlackEnvironment.Channel] = "C0ALERTS",
        });
        return (new SecretsManagerSlackSecretSource(new HttpClient(handler), Endpoint, environment), handler);
    }

    private static string SecretString(string secretJson) => new JsonObject { ["ARN"] = Arn, ["SecretString"] = secretJson }.ToJsonString();

    [Fact]
    public async Task Reads_the_token_and_signing_secret_from_the_secret_and_the_channel_from_the_environment()
    {
        var (source, handler) = Source(HttpStatusCode.OK, SecretString($$"""{"botToken":"{{Token}}","signingSecret":"{{SigningSecret}}"}"""));

        var secrets = await source.GetAsync(CancellationToken.None);

        Assert.Equal(Token, secrets.BotToken);
        Assert.Equal(SigningSecret, secrets.SigningSecret);
        Assert.Equal("C0ALERTS", secrets.Channel);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("secretsmanager.GetSecretValue", request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal(Arn, (string?)JsonNode.Parse(body)!["SecretId"]);
    }

    [Fact]
    public async Task Reads_the_secret_once_per_process()
    {
        var (source, handler) = Source(HttpStatusCode.OK, SecretString($$"""{"botToken":"{{Token}}","signingSecret":"{{SigningSecret}}"}"""));

        await source.GetAsync(CancellationToken.None);
        await source.GetAsync(CancellationToken.None);

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_secret_without_the_expected_keys_is_refused_without_showing_its_content()
    {
        var (source, _) = Source(HttpStatusCode.OK, SecretString($$"""{"token":"{{Token}}"}"""));

        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => source.GetAsync(CancellationToken.None));

        Assert.Equal(SlackEnvironment.SecretArn, exception.Setting);
        Assert.DoesNotContain("SECRETTOKENVALUE", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_names_the_AWS_error_type_only()
    {
        var (source, _) = Source(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"Secrets Manager can't find the specified secret."}""");

        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => source.GetAsync(CancellationToken.None));

        Assert.Contains("ResourceNotFoundException", exception.Message, StringComparison.Ordinal);
    }
}
