using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SQS;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Aws;

/// <summary>
/// Creates AWS SDK clients with the resolved endpoint of each service (see <see cref="AwsEndpoints"/>),
/// so every client OpsBot builds talks to the same emulator or to AWS, never a mix.
/// </summary>
public sealed class AwsClientFactory(AwsEndpoints endpoints, AWSCredentials centralCredentials)
{
    /// <summary>The central account's credentials.</summary>
    public AWSCredentials CentralCredentials { get; } = centralCredentials;

    /// <summary>The endpoint resolver.</summary>
    public AwsEndpoints Endpoints { get; } = endpoints;

    /// <summary>An EC2 client acting with <paramref name="credentials"/> in <paramref name="region"/>.</summary>
    public IAmazonEC2 CreateEc2(AWSCredentials credentials, string region) =>
        new AmazonEC2Client(credentials, Configure(new AmazonEC2Config(), "EC2", region));

    /// <summary>An STS client acting as the central account.</summary>
    public IAmazonSecurityTokenService CreateSts(string region) =>
        new AmazonSecurityTokenServiceClient(CentralCredentials, Configure(new AmazonSecurityTokenServiceConfig(), "STS", region));

    /// <summary>A DynamoDB client acting as the central account.</summary>
    public IAmazonDynamoDB CreateDynamoDb(string region) =>
        new AmazonDynamoDBClient(CentralCredentials, Configure(new AmazonDynamoDBConfig(), "DYNAMODB", region));

    /// <summary>An SQS client acting as the central account.</summary>
    public IAmazonSQS CreateSqs(string region) =>
        new AmazonSQSClient(CentralCredentials, Configure(new AmazonSQSConfig(), "SQS", region));

    private T Configure<T>(T config, string serviceId, string region)
        where T : ClientConfig
    {
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
