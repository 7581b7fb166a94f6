namespace OpsBot.Functions.Aws.Sns;

/// <summary>Sends alerts to the alert topic.</summary>
public interface IAlertPublisher
{
    /// <summary>Publishes <paramref name="alert"/>; returns the SNS message id.</summary>
    /// <exception cref="Http.AwsCallException">SNS refused the message.</exception>
    Task<string> PublishAsync(Alert alert, CancellationToken cancellationToken);
}
