using System.Text.Json;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>The structured log the functions write, read back from a real pipeline run on moto.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StructuredLogOnMotoTests(MotoServer moto)
{
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task Each_line_is_one_json_object_and_the_decision_line_names_event_policy_account_resource_and_outcome()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);

        var lines = telemetry.LogLines();
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, l.ValueKind));
        var line = Assert.Single(lines);
        Assert.Equal(
            ("info", eventId, "ec2-sg-admin-ports-public", RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, "remediated", eventId, "event-handler"),
            (Text(line, "level"), Text(line, "eventId"), Text(line, "policy"), Text(line, "account"), Text(line, "region"), Text(line, "resource"), Text(line, "outcome"), Text(line, "auditId"), Text(line, "function")));
        Assert.Contains("revoked 1 rule(s)", Text(line, "reason"), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(Text(line, "timestamp"), out _));
    }

    [Fact]
    public async Task An_event_no_policy_matched_is_one_line_with_the_event_and_the_resource()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("private", (22, "10.0.0.0/8"), (443, "10.0.0.0/8"));
        var forged = new Dictionary<string, string> { ["22 0.0.0.0/0"] = ruleIds["22 10.0.0.0/8"], ["443 0.0.0.0/0"] = ruleIds["443 10.0.0.0/8"] };
        var eventId = "evt-" + Guid.NewGuid();

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, forged, eventId), "m-1", CancellationToken.None);

        var line = Assert.Single(telemetry.LogLines());
        Assert.Equal((eventId, RemediationWorld.MemberAccount, groupId, "skipped"), (Text(line, "eventId"), Text(line, "account"), Text(line, "resource"), Text(line, "outcome")));
        Assert.False(line.TryGetProperty("policy", out _));
    }

    [Fact]
    public async Task A_message_the_handler_could_not_finish_is_a_warning_with_its_message_id()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:no-such-topic" }, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var batch = new SqsBatchEvent([new SqsMessage("msg-owed", RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()))]);

        var response = await world.Runtime.EventHandler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal("msg-owed", Assert.Single(response.BatchItemFailures).ItemIdentifier);
        var warning = Assert.Single(telemetry.LogLines(), l => Text(l, "level") == "warning");
        Assert.Equal("msg-owed", Text(warning, "messageId"));
        Assert.StartsWith(nameof(Pipeline.AnnouncementsOwedException), Text(warning, "reason"), StringComparison.Ordinal);
    }

    private static string Text(JsonElement line, string name) => line.GetProperty(name).GetString()!;
}
