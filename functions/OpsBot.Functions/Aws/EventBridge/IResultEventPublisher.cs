namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>Puts OpsBot's own events (remediation results) on the event bus for other consumers.</summary>
public interface IResultEventPublisher
{
    /// <summary>Puts one event with source <c>opsbot</c>, the given detail-type and JSON detail; returns its event id.</summary>
    /// <exception cref="Http.AwsCallException">EventBridge refused the event.</exception>
    Task<string> PutAsync(string detailType, string detailJson, CancellationToken cancellationToken);
}
