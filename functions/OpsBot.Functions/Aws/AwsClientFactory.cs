using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.S3;
using Amazon.SQS;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Aws;

/// <summary>
/// Creates AWS SDK clients with the resolved endpoint of each service (see <see cref="AwsEndpoints"/>),
/// so every client OpsBot builds talks to the same emulator or to AWS, never a mix.
/// </summary>
/// <param name="endpoints">Endpoint resolution (emulators).</param>
/// <param name="centralCredentials">The central account's credentials.</param>
/// <param name="retry">How calls are bounded: the SDK gets the per-attempt timeout and as many error retries; null for the defaults.</param>
public sealed class AwsClientFactory(AwsEndpoints endpoints, AWSCredentials centralCredentials, Http.AwsRetryOptions? retry = null)
{
    /// <summary>The central account's credentials.</summary>
    public AWSCredentials CentralCredentials { get; } = centralCredentials;

    /// <summary>The endpoint resolver.</summary>
    public AwsEndpoints Endpoints { get; } = endpoints;

    /// <summary>An EC2 client acting with <paramref name="credentials"/> in <paramref name="region"/>.</summary>
    public IAmazonEC2 CreateEc2(AWSCredentials credentials, string region) =>
        new AmazonEC2Client(credentials, Configure(new AmazonEC2Config(), "EC2", region));

    /// <summary>An S3 client acting with <paramref name="credentials"/> in <paramref name="region"/> (path-style addressing against an emulator).</summary>
    public IAmazonS3 CreateS3(AWSCredentials credentials, string region)
    {
        var config = Configure(new AmazonS3Config(), "S3", region);
        config.ForcePathStyle = Endpoints.For("S3") is not null;
        return new AmazonS3Client(credentials, config);
    }

    /// <summary>An STS client acting as the central account.</summary>
    public IAmazonSecurityTokenService CreateSts(string region) =>
        new AmazonSecurityTokenServiceClient(CentralCredentials, Configure(new AmazonSecurityTokenServiceConfig(), "STS", region));

    /// <summary>A DynamoDB client acting as the central account.</summary>
    public IAmazonDynamoDB CreateDynamoDb(string region) =>
        new AmazonDynamoDBClient(CentralCredentials, Configure(new AmazonDynamoDBConfig(), "DYNAMODB", region));

    /// <summary>An SQS client acting as the central account.</summary>
    public IAmazonSQS CreateSqs(string region) =>
        new AmazonSQSClient(CentralCredentials, Configure(new AmazonSQSConfig(), "SQS", region));

    /// <summary>
    /// Signs hand-written clients (services with no SDK package here: CloudTrail, RDS, …) with
    /// <paramref name="credentials"/>, bounded by the same retry options as the SDK clients.
    /// </summary>
    public Http.SignedHttpClientFactory CreateSigned(AWSCredentials credentials) =>
        new(credentials, Endpoints, SharedTransport, new Http.AwsCallPolicy(retry ?? Http.AwsRetryOptions.Default, new Http.AwsCallStatistics()));

    // One connection pool for every member session's hand-written clients; never disposed.
    private static readonly SocketsHttpHandler SharedTransport = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    private T Configure<T>(T config, string serviceId, string region)
        where T : ClientConfig
    {
        // Bounded like the hand-written clients, so no SDK call outlives a message's budget. A reset
        // connection is resent by the SDK on a budget of its own (stale connections); keep it small.
        var bounds = retry ?? Http.AwsRetryOptions.Default;
        config.Timeout = bounds.AttemptTimeout;
        config.MaxErrorRetry = bounds.MaxAttempts - 1;
        config.MaxStaleConnectionRetries = 1;

        if (Endpoints.For(serviceId) is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }
}
