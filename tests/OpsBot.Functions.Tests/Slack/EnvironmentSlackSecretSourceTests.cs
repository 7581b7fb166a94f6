using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Tests.Slack;

public sealed class EnvironmentSlackSecretSourceTests
{
    private const string Token = "xoxb-1111-2222-SECRETTOKENVALUE";
    private const string SigningSecret = "0123456789abcdefSIGNINGSECRET";
    private const string WebhookUrl = "https://hooks.example.test/services/T000/B000/WEBHOOKSECRETPART";

    private static Task<SlackSecrets> Read(Dictionary<string, string> variables) =>
        new EnvironmentSlackSecretSource(new DictionaryEnvironmentVariables(variables)).GetAsync(CancellationToken.None);

    private static Dictionary<string, string> Complete() => new()
    {
        [SlackEnvironment.BotToken] = Token,
        [SlackEnvironment.SigningSecret] = SigningSecret,
        [SlackEnvironment.Channel] = "C0ALERTS",
        [SlackEnvironment.WebhookUrl] = WebhookUrl,
    };

    [Fact]
    public async Task Reads_the_token_secret_channel_and_webhook_from_the_environment()
    {
        var secrets = await Read(Complete());

        Assert.Equal(Token, secrets.BotToken);
        Assert.Equal(SigningSecret, secrets.SigningSecret);
        Assert.Equal("C0ALERTS", secrets.Channel);
        Assert.Equal(new Uri(WebhookUrl), secrets.WebhookUrl);
        Assert.True(secrets.CanUseWebApi);
        Assert.True(secrets.CanUseWebhook);
    }

    [Fact]
    public async Task Accepts_a_webhook_alone_for_alert_only_teams()
    {
        var secrets = await Read(new() { [SlackEnvironment.WebhookUrl] = WebhookUrl });

        Assert.False(secrets.CanUseWebApi);
        Assert.True(secrets.CanUseWebhook);
    }

    [Fact]
    public async Task ToString_shows_which_settings_are_present_but_no_secret()
    {
        var text = (await Read(Complete())).ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETTOKENVALUE", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBHOOKSECRETPART", text, StringComparison.Ordinal);
        Assert.Contains("BotToken = (set, hidden)", text, StringComparison.Ordinal);
        Assert.Contains("C0ALERTS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_is_not_a_Slack_token_is_refused_without_showing_it()
    {
        var variables = Complete();
        variables[SlackEnvironment.BotToken] = "not-a-token-SECRETTOKENVALUE";

        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => Read(variables));

        Assert.Equal(SlackEnvironment.BotToken, exception.Setting);
        Assert.DoesNotContain("SECRETTOKENVALUE", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_webhook_url_is_refused_without_showing_it()
    {
        var variables = Complete();
        variables[SlackEnvironment.WebhookUrl] = "hooks/WEBHOOKSECRETPART";

        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => Read(variables));

        Assert.Equal(SlackEnvironment.WebhookUrl, exception.Setting);
        Assert.DoesNotContain("WEBHOOKSECRETPART", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_channel_is_refused()
    {
        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => Read(new() { [SlackEnvironment.BotToken] = Token }));

        Assert.Equal(SlackEnvironment.Channel, exception.Setting);
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_configured_is_refused_with_what_to_set()
    {
        var exception = await Assert.ThrowsAsync<InvalidSettingException>(() => Read([]));

        Assert.Contains(SlackEnvironment.WebhookUrl, exception.Message, StringComparison.Ordinal);
    }
}
