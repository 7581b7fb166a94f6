using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SQS;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// Real AWS SDK clients and SigV4-signed HTTP clients pointed at one endpoint (a <see cref="FaultProxy"/>,
/// or moto itself to look behind the proxy's back), with no SDK retries unless asked so a single fault is seen.
/// The SDK has two retry budgets: <c>MaxErrorRetry</c> for errors and timeouts, and
/// <c>MaxStaleConnectionRetries</c> (10 by default, not counted against the first) for a reset or
/// closed connection, which it takes for a stale pooled one and resends on, whatever the operation.
/// </summary>
internal sealed class ProxiedClients(Uri endpoint) : IDisposable
{
    public const string Region = "us-east-1";

    private readonly SocketsHttpHandler _transport = new() { UseProxy = false };

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("testing", "testing");

    /// <param name="retries">The SDK's <c>MaxErrorRetry</c>.</param>
    /// <param name="resends">The SDK's <c>MaxStaleConnectionRetries</c>, or null for its default.</param>
    /// <param name="timeout">The SDK's per-attempt HTTP timeout, or null for its default.</param>
    public AmazonDynamoDBClient DynamoDb(int retries = 0, int? resends = 0, TimeSpan? timeout = null) =>
        new(Credentials, Configure(new AmazonDynamoDBConfig(), retries, resends, timeout));

    public AmazonEC2Client Ec2(int retries = 0) => new(Credentials, Configure(new AmazonEC2Config(), retries, 0));

    public AmazonSecurityTokenServiceClient Sts(int retries = 0) =>
        new(Credentials, Configure(new AmazonSecurityTokenServiceConfig(), retries, 0));

    public AmazonSQSClient Sqs(int retries = 0) => new(Credentials, Configure(new AmazonSQSConfig(), retries, 0));

    /// <summary>A signed client for a service OpsBot calls by hand (<c>sns</c>, <c>events</c>), as the code base builds them.</summary>
    public (HttpClient Client, Uri Endpoint) Signed(string signingName, string serviceId) =>
        new SignedHttpClientFactory(Credentials, new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), endpoint), _transport)
            .Create(signingName, serviceId, Region);

    public void Dispose() => _transport.Dispose();

    private T Configure<T>(T config, int retries, int? resends, TimeSpan? timeout = null)
        where T : ClientConfig
    {
        config.ServiceURL = endpoint.ToString();
        config.AuthenticationRegion = Region;
        config.MaxErrorRetry = retries;
        if (resends is { } stale)
        {
            config.MaxStaleConnectionRetries = stale;
        }

        if (timeout is { } limit)
        {
            config.Timeout = limit;
        }

        return config;
    }
}
