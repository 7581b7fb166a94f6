using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Tests.Slack.Interactions;

public sealed class SlackSettingsTests
{
    [Fact]
    public void Slack_is_off_when_no_slack_variable_is_set()
    {
        Assert.Null(SlackSettings.Read(Environment(new())));
    }

    [Fact]
    public void A_secret_arn_means_the_credentials_come_from_secrets_manager()
    {
        var settings = SlackSettings.Read(Environment(new() { [SlackEnvironment.SecretArn] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:opsbot-slack" }));

        Assert.True(settings!.UseSecretsManager);
        Assert.Equal("https://slack.com/api/", settings.ApiBaseAddress.ToString());
    }

    [Fact]
    public void Reads_a_local_api_address_and_the_undo_users()
    {
        var settings = SlackSettings.Read(Environment(new()
        {
            [SlackEnvironment.BotToken] = "xoxb-1",
            [SlackEnvironment.ApiUrl] = "http://127.0.0.1:9999/api",
            [SlackEnvironment.UndoUsers] = "U0SECOPS, W0ONCALL",
        }));

        Assert.Equal("http://127.0.0.1:9999/api/", settings!.ApiBaseAddress.ToString());
        Assert.Equal(["U0SECOPS", "W0ONCALL"], settings.UndoUsers);
        Assert.False(settings.UseSecretsManager);
    }

    [Theory]
    [InlineData(SlackEnvironment.ApiUrl, "not a url")]
    [InlineData(SlackEnvironment.UndoUsers, "S0GROUP")]
    public void Names_a_malformed_slack_variable(string variable, string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => SlackSettings.Read(Environment(new() { [SlackEnvironment.BotToken] = "xoxb-1", [variable] = value })));

        Assert.Equal(variable, error.Setting);
    }

    private static DictionaryEnvironmentVariables Environment(Dictionary<string, string> variables) => new(variables);
}
