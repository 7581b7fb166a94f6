using System.Security.Cryptography;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Cli.Local.Approval;

/// <summary>How the demo's OpsBot reaches the local Slack stand-in: a demo bot token, a random signing secret, one channel, one Undo user.</summary>
public static class DemoSlackSettings
{
    /// <summary>The bot token the stand-in accepts.</summary>
    public const string BotToken = "xoxb-local-demo-token";

    /// <summary>The channel alerts go to.</summary>
    public const string Channel = "C0DEMOALERTS";

    /// <summary>The Slack user allowed to click Undo in the demo.</summary>
    public const string UndoUser = "U0DEMOONCALL";

    /// <summary>Settings that send OpsBot's Slack calls to <paramref name="slack"/>.</summary>
    public static SlackSettings For(LocalSlack slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var secrets = new EnvironmentSlackSecretSource(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [SlackEnvironment.BotToken] = BotToken,
            [SlackEnvironment.SigningSecret] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            [SlackEnvironment.Channel] = Channel,
        }));
        return new SlackSettings { Secrets = secrets, ApiBaseAddress = slack.WebApi, UndoUsers = [UndoUser] };
    }
}
