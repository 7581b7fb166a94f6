using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.FaultInjection;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ThrottleBodyTests(MotoServer moto)
{
    [Fact]
    public async Task Throttles_dynamodb_with_both_throttling_codes_the_sdk_counts_as_throttling()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(3).Always("dynamodb", "PutItem", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var errors = new List<AmazonDynamoDBException>();
        var put = new PutItemRequest { TableName = "never-reached", Item = new() { ["id"] = new AttributeValue("1") } };

        for (var i = 0; i < 8; i++)
        {
            errors.Add(await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => dynamo.PutItemAsync(put)));
        }

        Assert.Equal(["ProvisionedThroughputExceededException", "ThrottlingException"], errors.Select(e => e.ErrorCode).Distinct().Order());
        Assert.All(errors.Where(e => e.ErrorCode == "ProvisionedThroughputExceededException"), e => Assert.IsType<ProvisionedThroughputExceededException>(e));
        Assert.All(errors, e => Assert.Equal(400, (int)e.StatusCode));
        Assert.All(errors, e => Assert.True(IsThrottling(new AmazonDynamoDBConfig(), e), e.ErrorCode));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.RequestId)));
    }

    [Fact]
    public async Task Throttles_ec2_with_request_limit_exceeded_on_503()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("ec2", "DescribeSecurityGroups", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var ec2 = clients.Ec2();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest()));

        Assert.Equal(("RequestLimitExceeded", 503), (error.ErrorCode, (int)error.StatusCode));
        Assert.True(IsThrottling(new AmazonEC2Config(), error));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Throttles_sts_with_its_throttling_code()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("sts", "GetCallerIdentity", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var sts = clients.Sts();

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(("Throttling", 400, ErrorType.Sender), (error.ErrorCode, (int)error.StatusCode, error.ErrorType));
        Assert.True(IsThrottling(new AmazonSecurityTokenServiceConfig(), error));
    }

    [Fact]
    public async Task Throttles_sqs_with_a_json_throttling_exception()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("sqs", "ListQueues", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var sqs = clients.Sqs();

        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => sqs.ListQueuesAsync(new ListQueuesRequest()));

        Assert.Equal(("ThrottlingException", 400), (error.ErrorCode, (int)error.StatusCode));
        Assert.True(IsThrottling(new AmazonSQSConfig(), error));
    }

    [Fact]
    public async Task Throttles_sns_with_a_namespaced_query_error_response()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("sns", "CreateTopic", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);

        var (status, body) = await SignedCalls.SnsCreateTopicAsync(clients, "throttled");

        var error = XDocument.Parse(body).Root!;
        XNamespace sns = "https://sns.amazonaws.com/doc/2010-03-31/";
        Assert.Equal(400, status);
        Assert.Equal(sns + "ErrorResponse", error.Name);
        Assert.Equal(("Sender", "Throttling"), (error.Descendants(sns + "Type").Single().Value, error.Descendants(sns + "Code").Single().Value));
    }

    [Fact]
    public async Task Throttles_eventbridge_with_a_json_1_1_throttling_exception()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("events", "PutEvents", FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);

        var (status, body) = await SignedCalls.PutEventsAsync(clients);

        Assert.Equal(400, status);
        Assert.Equal("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", body);
    }

    [Fact]
    public async Task Fails_dynamodb_with_internal_server_error_and_503_that_the_sdk_retries()
    {
        var plan = new FaultPlan(1).OnceAt("dynamodb", "ListTables", 1, FaultKind.ServerError).OnceAt("dynamodb", "ListTables", 2, FaultKind.Unavailable);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var once = clients.DynamoDb();
        using var retrying = clients.DynamoDb(retries: 2);

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => once.ListTablesAsync(new ListTablesRequest()));
        await retrying.ListTablesAsync(new ListTablesRequest());

        Assert.Equal(("InternalServerError", 500), (error.ErrorCode, (int)error.StatusCode));
        Assert.Equal((3, 1), (proxy.Counts.Seen, proxy.Counts.Forwarded));
    }

    [Fact]
    public async Task Fails_ec2_with_internal_error_and_unavailable()
    {
        var plan = new FaultPlan(1).OnceAt("ec2", "DescribeVpcs", 1, FaultKind.ServerError).OnceAt("ec2", "DescribeVpcs", 2, FaultKind.Unavailable);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var ec2 = clients.Ec2();

        var server = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));
        var unavailable = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal(("InternalError", 500), (server.ErrorCode, (int)server.StatusCode));
        Assert.Equal(("Unavailable", 503), (unavailable.ErrorCode, (int)unavailable.StatusCode));
    }

    private static bool IsThrottling(ClientConfig config, AmazonServiceException error) => new StandardRetryPolicy(config).IsThrottlingError(error);
}
