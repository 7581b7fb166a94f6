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
/// </summary>
internal sealed class ProxiedClients(Uri endpoint) : IDisposable
{
    public const string Region = "us-east-1";

    private readonly SocketsHttpHandler _transport = new() { UseProxy = false };

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("testing", "testing");

    public AmazonDynamoDBClient DynamoDb(int retries = 0, TimeSpan? timeout = null) =>
        new(Credentials, Configure(new AmazonDynamoDBConfig(), retries, timeout));

    public AmazonEC2Client Ec2(int retries = 0) => new(Credentials, Configure(new AmazonEC2Config(), retries));

    public AmazonSecurityTokenServiceClient Sts(int retries = 0) =>
        new(Credentials, Configure(new AmazonSecurityTokenServiceConfig(), retries));

    public AmazonSQSClient Sqs(int retries = 0) => new(Credentials, Configure(new AmazonSQSConfig(), retries));

    /// <summary>A signed client for a service OpsBot calls by hand (<c>sns</c>, <c>events</c>), as the code base builds them.</summary>
    public (HttpClient Client, Uri Endpoint) Signed(string signingName, string serviceId) =>
        new SignedHttpClientFactory(Credentials, new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), endpoint), _transport)
            .Create(signingName, serviceId, Region);

    public void Dispose() => _transport.Dispose();

    private T Configure<T>(T config, int retries, TimeSpan? timeout = null)
        where T : ClientConfig
    {
        config.ServiceURL = endpoint.ToString();
        config.AuthenticationRegion = Region;
        config.MaxErrorRetry = retries;
        if (timeout is { } limit)
        {
            config.Timeout = limit;
        }

        return config;
    }
}
