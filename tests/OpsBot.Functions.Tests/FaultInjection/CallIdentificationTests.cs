using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using Amazon.SQS.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.FaultInjection;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CallIdentificationTests(MotoServer moto)
{
    [Fact]
    public async Task Names_sdk_calls_by_signing_service_and_operation()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        var calls = Record(proxy);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var ec2 = clients.Ec2();
        using var dynamo = clients.DynamoDb();
        using var sts = clients.Sts();
        using var sqs = clients.Sqs();

        await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        await dynamo.ListTablesAsync(new ListTablesRequest());
        await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await sqs.ListQueuesAsync(new ListQueuesRequest());

        Assert.Equal(
            [("ec2", "DescribeSecurityGroups", 1), ("dynamodb", "ListTables", 2), ("sts", "GetCallerIdentity", 3), ("sqs", "ListQueues", 4)],
            calls.Select(c => (c.Service, c.Operation, c.Sequence)));
    }

    [Fact]
    public async Task Names_sns_query_calls_by_the_action_form_field()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        var calls = Record(proxy);
        using var clients = new ProxiedClients(proxy.Endpoint);

        var (status, _) = await SignedCalls.SnsCreateTopicAsync(clients, "identified");

        Assert.Equal(200, status);
        Assert.Equal(("sns", "CreateTopic"), calls.Select(c => (c.Service, c.Operation)).Single());
    }

    [Fact]
    public async Task Names_eventbridge_calls_by_the_target_header()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        var calls = Record(proxy);
        using var clients = new ProxiedClients(proxy.Endpoint);

        var (status, _) = await SignedCalls.PutEventsAsync(clients);

        Assert.Equal(200, status);
        Assert.Equal(("events", "PutEvents"), calls.Select(c => (c.Service, c.Operation)).Single());
    }

    [Fact]
    public async Task Counts_occurrences_per_operation()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        var calls = Record(proxy);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        using var sts = clients.Sts();

        await dynamo.ListTablesAsync(new ListTablesRequest());
        await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await dynamo.ListTablesAsync(new ListTablesRequest());

        Assert.Equal([1, 1, 2], calls.Select(c => c.Occurrence));
    }

    [Fact]
    public void Reads_the_action_from_the_query_string_of_a_query_api_get()
    {
        var headers = new NameValueCollection { ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=abc" };

        var request = new ProxiedRequest("GET", "/?Action=DescribeVpcs&Version=2016-11-15", headers, []);

        Assert.Equal(("ec2", "DescribeVpcs"), (request.Service, request.Operation));
    }

    [Fact]
    public void Reads_the_service_from_a_presigned_url_credential()
    {
        var request = new ProxiedRequest("GET", "/?Action=GetCallerIdentity&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2FSTS%2Faws4_request", [], []);

        Assert.Equal(("sts", "GetCallerIdentity"), (request.Service, request.Operation));
    }

    [Fact]
    public void Names_a_rest_call_by_its_http_method()
    {
        var headers = new NameValueCollection { ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc" };

        var request = new ProxiedRequest("PUT", "/bucket/key", headers, Encoding.UTF8.GetBytes("data"));

        Assert.Equal(("s3", "PUT"), (request.Service, request.Operation));
        Assert.Null(request.JsonContentType);
    }

    [Fact]
    public void Leaves_an_unsigned_call_without_a_service()
    {
        var request = new ProxiedRequest("GET", "/moto-api/", [], []);

        Assert.Equal("", request.Service);
    }

    private static ConcurrentQueue<AwsCall> Record(FaultProxy proxy)
    {
        var calls = new ConcurrentQueue<AwsCall>();
        proxy.Forwarded += (call, _) => calls.Enqueue(call);
        return calls;
    }
}
