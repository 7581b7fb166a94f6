using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpsBot.Benchmarks.Pipeline;

/// <summary>
/// One loopback HTTP endpoint (Kestrel) standing in for every AWS service the pipeline calls, so the
/// benchmark measures OpsBot, the SDK's serialisation and signing and a real HTTP round trip, but no
/// emulator. It answers from <see cref="CannedAwsResponses"/>; the violating group's rules alternate
/// between "SSH open" and "SSH revoked" on each read, so the read before a revoke and the verifying
/// re-read after it see what they would on AWS.
/// </summary>
internal sealed class AwsStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private long _violatingReads;

    private AwsStubServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Requests answered so far (for calls-per-event figures).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<AwsStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new AwsStubServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var (status, contentType, text) = target.Length > 0 ? Json(target, body) : Query(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text);
    }

    private static (int, string, string) Json(string target, string body)
    {
        const string DynamoDb = "application/x-amz-json-1.0";
        if (target == "AWSEvents.PutEvents")
        {
            return (200, "application/x-amz-json-1.1", CannedAwsResponses.PutEvents);
        }

        if (target.StartsWith("DynamoDB_20120810.", StringComparison.Ordinal))
        {
            // A conditional claim of an event id starting "dup-" fails: the duplicate-delivery path.
            var duplicate = target.EndsWith(".PutItem", StringComparison.Ordinal)
                && body.Contains("ConditionExpression", StringComparison.Ordinal)
                && body.Contains("EVENT#dup-", StringComparison.Ordinal);
            return duplicate ? (400, DynamoDb, CannedAwsResponses.DynamoDbConditionFailed) : (200, DynamoDb, CannedAwsResponses.DynamoDbEmpty);
        }

        return (400, "application/json", $$"""{"__type":"UnknownOperationException","message":"stub does not know {{target}}"}""");
    }

    private (int, string, string) Query(string body)
    {
        const string Xml = "text/xml";
        var form = System.Web.HttpUtility.ParseQueryString(body);
        var groupId = body.Contains(CannedAwsResponses.ViolatingGroup, StringComparison.Ordinal) ? CannedAwsResponses.ViolatingGroup : CannedAwsResponses.CompliantGroup;
        return form["Action"] switch
        {
            "GetCallerIdentity" => (200, Xml, CannedAwsResponses.GetCallerIdentity),
            "AssumeRole" => (200, Xml, CannedAwsResponses.AssumeRole),
            "Publish" => (200, Xml, CannedAwsResponses.SnsPublish),
            "DescribeSecurityGroups" => (200, Xml, CannedAwsResponses.DescribeSecurityGroups(groupId)),
            "DescribeSecurityGroupRules" => (200, Xml, groupId == CannedAwsResponses.ViolatingGroup
                ? CannedAwsResponses.DescribeSecurityGroupRules(groupId, sshWorldOpen: true, sshRevoked: Interlocked.Increment(ref _violatingReads) % 2 == 0)
                : CannedAwsResponses.DescribeSecurityGroupRules(groupId, sshWorldOpen: false, sshRevoked: false)),
            "RevokeSecurityGroupIngress" => (200, Xml, CannedAwsResponses.RevokeIngress),
            var action => (400, Xml, $"<ErrorResponse><Error><Code>InvalidAction</Code><Message>stub does not know {action}</Message></Error></ErrorResponse>"),
        };
    }
}
