using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.FaultInjection;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// What a first delivery costs in AWS calls, counted by a proxy in front of moto (a load-independent
/// figure for the cold start: each call is a round trip), and that the calls it saves lose nothing.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FirstDeliveryCallsTests(MotoServer moto)
{
    // Claim; audit read; STS: who OpsBot is and the member session; EC2: group and rules, with the
    // group's holds read beside them; the brakes' counts in one transaction; provisional record;
    // revoke; EC2 again to verify; the final record with its outbox (SNS alert and result event
    // created taken) in one transaction; SNS; EventBridge; both settled; claim done.
    private static readonly string[] Expected =
    [
        "dynamodb GetItem",
        "dynamodb PutItem", "dynamodb PutItem", "dynamodb PutItem", // claim, provisional record, claim done
        "dynamodb Query", // the group's suppressions and exemptions, read beside the group
        "dynamodb TransactWriteItems", // the brakes' counts
        "dynamodb TransactWriteItems", // the final record and its outbox
        "dynamodb UpdateItem", "dynamodb UpdateItem",
        "ec2 DescribeSecurityGroupRules", "ec2 DescribeSecurityGroupRules", "ec2 DescribeSecurityGroups", "ec2 DescribeSecurityGroups",
        "ec2 RevokeSecurityGroupIngress",
        "events PutEvents",
        "sns Publish",
        "sts AssumeRole", "sts GetCallerIdentity",
    ];

    [Fact]
    public async Task A_first_delivery_reads_neither_the_outbox_nor_takes_its_announcements_before_sending()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        var calls = new List<string>();
        proxy.Forwarded += (call, _) =>
        {
            lock (calls)
            {
                calls.Add($"{call.Service} {call.Operation}");
            }
        };
        using var runtime = Through(world, proxy);

        var result = await runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Remediated, result.Audit!.Outcome);
        Assert.Equal(Expected, calls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_first_delivery_returns_its_outbox_exactly_as_the_state_table_holds_it()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);

        var stored = await world.Runtime.StateStore.ReadAnnouncementsAsync(eventId, CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.Equal((AnnouncementStatus.Sent, 1), (s.Status, s.Attempts)));
        Assert.Equal(stored, result.Audit!.Announcements);
    }

    [Fact]
    public async Task A_final_record_transaction_whose_answer_was_lost_is_resent_and_still_sends_each_announcement_once()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        // The second transaction is the final record's (the first counts the brakes): it takes effect, its answer is lost.
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).OnceAt("dynamodb", "TransactWriteItems", 2, FaultKind.DropAfterForward));
        var calls = new List<string>();
        proxy.Forwarded += (call, _) =>
        {
            lock (calls)
            {
                calls.Add($"{call.Service} {call.Operation}");
            }
        };
        using var runtime = Through(world, proxy, attempts: 3);

        var result = await runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Remediated, result.Audit!.Outcome);
        Assert.Equal(1, proxy.Counts.Faults("dynamodb", "TransactWriteItems", FaultKind.DropAfterForward));
        Assert.Equal(3, calls.Count(c => c == "dynamodb TransactWriteItems"));

        // The resent transaction met its own outbox and was refused whole; the two-step writes (the
        // record, then both outbox items, found taken by this attempt and taken again) carried on.
        Assert.Equal(6, calls.Count(c => c == "dynamodb PutItem"));
        Assert.Equal((1, 1), (calls.Count(c => c == "sns Publish"), calls.Count(c => c == "events PutEvents")));
        var stored = await world.Runtime.StateStore.ReadAnnouncementsAsync(eventId, CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.Equal(AnnouncementStatus.Sent, s.Status));
        Assert.Equal(AuditOutcome.Remediated, (await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Outcome);
    }

    // A new process whose every AWS call goes through the proxy. One attempt per call, with time to
    // spare: on a loaded machine a slow answer must not be resent, or the count would include the retry.
    private static OpsBotRuntime Through(RemediationWorld world, FaultProxy proxy, int attempts = 1)
    {
        var settings = world.Runtime.Settings with
        {
            EndpointUrl = proxy.Endpoint,
            AwsRetry = new AwsRetryOptions { MaxAttempts = attempts, AttemptTimeout = TimeSpan.FromSeconds(15), Budget = TimeSpan.FromSeconds(15) },
        };
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = proxy.Endpoint.ToString() });
        return new OpsBotRuntime(settings, world.Runtime.Policies, ProxiedClients.Credentials, environment, new SocketsHttpHandler { UseProxy = false }, TimeProvider.System, null, new RecordingDeliveryMetrics());
    }
}
