using System.Xml.Linq;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>Creates a topic and an SQS subscription over the SNS Query API, independently of the code under test's Publish.</summary>
internal sealed class SnsTopicSetup(SignedHttpClientFactory clients, string region) : IDisposable
{
    private readonly (HttpClient Client, Uri Endpoint) _sns = clients.Create("sns", "SNS", region);

    public async Task<string> CreateTopicAsync(string name) =>
        (await CallAsync(new() { ["Action"] = "CreateTopic", ["Name"] = name }, "TopicArn"))!;

    public Task SubscribeQueueAsync(string topicArn, string queueArn) =>
        CallAsync(new() { ["Action"] = "Subscribe", ["TopicArn"] = topicArn, ["Protocol"] = "sqs", ["Endpoint"] = queueArn }, "SubscriptionArn");

    public void Dispose() => _sns.Client.Dispose();

    private async Task<string?> CallAsync(Dictionary<string, string> form, string resultElement)
    {
        form["Version"] = "2010-03-31";
        using var content = new FormUrlEncodedContent(form);
        using var response = await _sns.Client.PostAsync(_sns.Endpoint, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SNS {form["Action"]} failed: {body}");
        return XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == resultElement)?.Value;
    }
}
