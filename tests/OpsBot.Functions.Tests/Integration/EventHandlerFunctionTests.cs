using Amazon.Runtime;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Lambda;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EventHandlerFunctionTests(MotoServer moto)
{
    [Fact]
    public async Task Remediates_the_good_messages_and_audits_malformed_ones_as_rejected_without_reporting_them()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (first, firstRules) = await world.CreateGroupAsync("web-a", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var (second, secondRules) = await world.CreateGroupAsync("web-b", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var missingName = CloudTrailFixtures.Event("malformed-no-event-name.json", new Dictionary<string, string>
        {
            ["eventId"] = "evt-" + Guid.NewGuid(), ["account"] = RemediationWorld.MemberAccount, ["groupId"] = first, ["sshRuleId"] = "sgr-x", ["httpsRuleId"] = "sgr-y",
        });
        var batch = new SqsBatchEvent(
        [
            new SqsMessage("msg-good-1", RemediationPipelineTests.SshAndHttpsEvent(first, firstRules, "evt-" + Guid.NewGuid())),
            new SqsMessage("msg-not-json", "{\"detail-type\": \"AWS API Call via CloudTrail\", "),
            new SqsMessage("msg-no-event-name", missingName),
            new SqsMessage("msg-good-2", RemediationPipelineTests.SshAndHttpsEvent(second, secondRules, "evt-" + Guid.NewGuid())),
        ]);

        var response = await world.Runtime.EventHandler.HandleAsync(batch, CancellationToken.None);

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal(["443"], (await world.IngressRulesAsync(first)).Select(r => r.FromPort.ToString()));
        Assert.Equal(["443"], (await world.IngressRulesAsync(second)).Select(r => r.FromPort.ToString()));
        var notJson = await world.Runtime.StateStore.ReadAuditAsync("message:msg-not-json", CancellationToken.None);
        Assert.Equal(AuditOutcome.Rejected, notJson!.Outcome);
        Assert.Contains("not valid JSON", notJson.Reason, StringComparison.Ordinal);
        var noName = await world.Runtime.StateStore.ReadAuditAsync("message:msg-no-event-name", CancellationToken.None);
        Assert.Equal(AuditOutcome.Rejected, noName!.Outcome);
        Assert.Contains("eventName", noName.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_message_as_failed_when_an_aws_call_fails_so_it_is_retried()
    {
        var credentials = new BasicAWSCredentials("testing", "testing");
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString() });
        using var transport = new SocketsHttpHandler();
        var settings = new OpsBotSettings
        {
            TableName = "opsbot-never-created-" + Guid.NewGuid().ToString("N")[..8],
            AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:opsbot-alerts",
            EventBusName = "default",
            PolicyPaths = [RepositoryPaths.Policies],
            Region = RemediationWorld.Region,
        };
        using var runtime = new OpsBotRuntime(settings, PolicySet.Load(RepositoryPaths.Policies), credentials, environment, transport, TimeProvider.System);
        var batch = new SqsBatchEvent([new SqsMessage("msg-1", RemediationPipelineTests.SshAndHttpsEvent("sg-0123456789abcdef0", new Dictionary<string, string> { ["22 0.0.0.0/0"] = "sgr-1", ["443 0.0.0.0/0"] = "sgr-2" }, "evt-" + Guid.NewGuid()))]);

        var response = await runtime.EventHandler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal(["msg-1"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    [Fact]
    public async Task Answers_lambda_json_with_a_partial_batch_response()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var invocation = """{"Records":[{"messageId":"m-0","receiptHandle":"r","body":"[1,2,3]","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:q"}]}""";

        var response = await world.Runtime.EventHandler.HandleJsonAsync(invocation, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Equal(AuditOutcome.Rejected, (await world.Runtime.StateStore.ReadAuditAsync("message:m-0", CancellationToken.None))!.Outcome);
    }
}
