using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>A fresh DynamoDB table in moto, keyed by <c>id</c>, made and read straight from moto so the proxy counts only the calls under test.</summary>
internal sealed class ScratchTable(AmazonDynamoDBClient direct, string name)
{
    public string Name { get; } = name;

    public static async Task<ScratchTable> CreateAsync(AmazonDynamoDBClient direct)
    {
        var name = "fault-" + Guid.NewGuid().ToString("N");
        await direct.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        });
        return new ScratchTable(direct, name);
    }

    public PutItemRequest Put(string id) => new() { TableName = Name, Item = new() { ["id"] = new AttributeValue(id) } };

    public async Task<bool> ContainsAsync(string id)
    {
        var read = await direct.GetItemAsync(new GetItemRequest { TableName = Name, Key = new() { ["id"] = new AttributeValue(id) }, ConsistentRead = true });
        return read.Item is { Count: > 0 };
    }
}
