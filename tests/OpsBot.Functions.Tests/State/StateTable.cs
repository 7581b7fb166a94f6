using Amazon.DynamoDBv2;
using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.State;

/// <summary>A fresh state table on moto, for tests of the claims and the outbox themselves.</summary>
internal static class StateTable
{
    public static async Task<(DynamoDbStateStore Store, IAmazonDynamoDB Client)> CreateAsync(MotoServer moto, TimeProvider clock, ClaimLease? lease = null)
    {
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var store = new DynamoDbStateStore(client, "opsbot-state-" + Guid.NewGuid().ToString("N")[..10], clock, lease ?? ClaimLease.ForFunction(TimeSpan.FromSeconds(60)));
        await store.EnsureTableAsync(CancellationToken.None);
        return (store, client);
    }
}
