using System.Globalization;
using System.Text.Json;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// Audit records stay in the table for 400 days: a security-group record written before groups went
/// through the resource adapter (its rules in <c>revoked</c>, no <c>changes</c>) must still undo.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EarlierSecurityGroupRecordUndoTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task Undo_of_a_record_in_the_earlier_shape_authorizes_its_revoked_rule_again()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, _) = await world.World.CreateGroupAsync("web", (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var record = JsonSerializer.Deserialize(EarlierRecord(eventId, groupId, world.Clock.GetUtcNow().AddHours(-1)), AuditJsonContext.Default.AuditRecord)!;
        await world.Runtime.StateStore.WriteAuditAsync(record, CancellationToken.None);

        await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "restore the old rule");

        var rules = await world.World.IngressRulesAsync(groupId);
        Assert.Equal(["tcp 22-22 0.0.0.0/0 old ssh rule", "tcp 443-443 0.0.0.0/0 "], rules.Select(r => $"{r.IpProtocol} {r.FromPort}-{r.ToPort} {r.CidrIpv4} {r.Description}").Order(StringComparer.Ordinal));
        var decision = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions);
        Assert.Equal(AuditOutcome.Undone, decision.Outcome);
        Assert.Contains("restored 1 rule(s) revoked earlier", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.Changes);
    }

    // The record as the earlier security-group path stored it: camelCase, nulls left out, no changes or matchedElements.
    private static string EarlierRecord(string eventId, string groupId, DateTimeOffset at)
    {
        var stamp = at.ToString("O", CultureInfo.InvariantCulture);
        var rule = """{"direction":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"sourceKind":"Ipv4Cidr","source":"0.0.0.0/0","ruleId":"sgr-0aaaaaaaaaaaaaaa1","description":"old ssh rule","unconfirmed":false}""";
        return $$"""
            {"eventId":"{{eventId}}","recordedAt":"{{stamp}}","eventTime":"{{stamp}}","account":"{{RemediationWorld.MemberAccount}}","region":"{{RemediationWorld.Region}}",
             "eventName":"AuthorizeSecurityGroupIngress","actor":{"arn":"arn:aws:iam::111111111111:user/dev","type":"IAMUser","accountId":"111111111111","sourceIp":"203.0.113.7","userAgent":"aws-cli/2.15"},
             "resources":["{{groupId}}"],"outcome":"Remediated","reason":"{{AdminPortsPolicy}}: revoked 1 rule(s); compliant now",
             "decisions":[{"policyId":"{{AdminPortsPolicy}}","policyHash":"0000","severity":"high","resourceId":"{{groupId}}","mode":"enforce","outcome":"Remediated",
               "reason":"revoked 1 rule(s); compliant now","matched":[{{rule}}],"revoked":[{{rule}}],"compliantAfter":true,"explanation":["matched ingress tcp 22 from 0.0.0.0/0"]}],
             "errors":[],"provisional":false}
            """;
    }
}
