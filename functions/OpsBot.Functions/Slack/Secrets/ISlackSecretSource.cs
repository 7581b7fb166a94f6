namespace OpsBot.Functions.Slack.Secrets;

/// <summary>Where the Slack credentials come from: the environment locally, a secret store in AWS.</summary>
public interface ISlackSecretSource
{
    /// <summary>
    /// The current credentials. Implementations validate them and report problems with
    /// <see cref="Configuration.InvalidSettingException"/> naming the setting, never its value.
    /// </summary>
    Task<SlackSecrets> GetAsync(CancellationToken cancellationToken);
}
