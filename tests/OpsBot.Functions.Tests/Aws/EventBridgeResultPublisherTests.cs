using System.Net;
using System.Text;
using Amazon.Runtime;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Aws;

public sealed class EventBridgeResultPublisherTests
{
    [Fact]
    public async Task Sends_a_signed_put_events_request_with_opsbot_as_source()
    {
        using var stub = new StubHandler("""{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}""");
        using var publisher = Publisher(stub);

        var id = await publisher.PutAsync("OpsBot Remediation", """{"a":1}""", CancellationToken.None);

        Assert.Equal("e-1", id);
        Assert.Equal("AWSEvents.PutEvents", stub.Target);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", stub.Authorization, StringComparison.Ordinal);
        Assert.Contains("\"Source\":\"opsbot\"", stub.Body, StringComparison.Ordinal);
        Assert.Contains("\"DetailType\":\"OpsBot Remediation\"", stub.Body, StringComparison.Ordinal);
        Assert.Contains("\"EventBusName\":\"opsbot-bus\"", stub.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_when_an_entry_failed_even_with_http_200()
    {
        using var stub = new StubHandler("""{"FailedEntryCount":1,"Entries":[{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}""");
        using var publisher = Publisher(stub);

        var error = await Assert.ThrowsAsync<AwsCallException>(() => publisher.PutAsync("OpsBot Remediation", "{}", CancellationToken.None));

        Assert.Equal("InternalFailure", error.ErrorCode);
    }

    private static EventBridgeResultPublisher Publisher(StubHandler stub)
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = "http://events.test/" });
        var signed = new SignedHttpClientFactory(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsEndpoints(environment), stub);
        return new EventBridgeResultPublisher(signed, "eu-west-1", "opsbot-bus");
    }

    private sealed class StubHandler(string response) : HttpMessageHandler
    {
        public string Body { get; private set; } = "";

        public string Target { get; private set; } = "";

        public string Authorization { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Target = string.Join(",", request.Headers.GetValues("X-Amz-Target"));
            Authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : "";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, Encoding.UTF8, "application/x-amz-json-1.1") };
        }
    }
}
