using System.Text;
using System.Xml.Linq;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Aws.Sns;

/// <summary>
/// <see cref="IAlertPublisher"/> over the SNS Query API (<c>Action=Publish</c>, version 2010-03-31,
/// form-encoded POST, XML response) with SigV4-signed requests, retried on throttling, 5xx and
/// timeouts (see <see cref="AwsCallPolicy"/>).
/// </summary>
public sealed class SnsAlertPublisher : IAlertPublisher, IDisposable
{
    private const int MaxSubjectLength = 100;
    private readonly SignedServiceClient _sns;
    private readonly string _topicArn;

    /// <summary>A publisher to <paramref name="topicArn"/>, in the topic's own region.</summary>
    public SnsAlertPublisher(SignedHttpClientFactory clients, string topicArn)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        _topicArn = topicArn;
        var parts = topicArn.Split(':');
        var region = parts.Length > 3 ? parts[3] : throw new ArgumentException($"'{topicArn}' is not a topic ARN", nameof(topicArn));
        _sns = clients.CreateService("sns", "SNS", region);
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Version", "2010-03-31"),
            new("TopicArn", _topicArn),
            new("Subject", Subject(alert.Subject)),
            new("Message", alert.Message),
        };
        AddAttribute(form, 1, "severity", alert.Severity);
        AddAttribute(form, 2, "policy_id", alert.PolicyId);
        AddAttribute(form, 3, "account", alert.Account);
        var response = await _sns.PostQueryAsync("Publish", form, cancellationToken);
        return Element(TryParse(response.Body), "MessageId") ?? throw new AwsCallException("sns", "Publish", response.Status, "", "the response carries no MessageId");
    }

    /// <inheritdoc />
    public void Dispose() => _sns.Dispose();

    private static void AddAttribute(List<KeyValuePair<string, string>> form, int index, string name, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var prefix = $"MessageAttributes.entry.{index}.";
        form.Add(new(prefix + "Name", name));
        form.Add(new(prefix + "Value.DataType", "String"));
        form.Add(new(prefix + "Value.StringValue", value));
    }

    // SNS subjects: ASCII, no line breaks, at most 100 characters.
    private static string Subject(string subject)
    {
        var text = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            text.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        var result = text.ToString().Trim();
        return result.Length <= MaxSubjectLength ? result : result[..(MaxSubjectLength - 3)] + "...";
    }

    private static XDocument? TryParse(string body)
    {
        try
        {
            return XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Element(XDocument? xml, string localName) =>
        xml?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
