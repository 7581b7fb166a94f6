using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Resources.SecurityGroup;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Facts;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>The security-group adapter on moto, through the assumed role, used as any other adapter.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SecurityGroupAdapterTests(MotoServer moto)
{
    [Fact]
    public async Task A_described_change_revokes_exactly_the_planned_rule_and_restore_puts_it_back()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        using var session = new MemberSession(RemediationWorld.MemberAccount, RemediationWorld.Region, world.MemberCredentials, world.Runtime.Clients);
        IResourceAdapter adapter = new SecurityGroupAdapter();
        var group = (SecurityGroupFact)(await adapter.ReadAsync(session, groupId, CancellationToken.None))!;
        var ssh = group.Ingress.Single(r => r.RuleId == ruleIds["22 0.0.0.0/0"]);

        var change = adapter.Describe(group, new RemediationPlan("revoke-matched-ingress", groupId, [ssh]));
        await adapter.ApplyAsync(session, change, CancellationToken.None);
        var afterRevoke = (await world.IngressRulesAsync(groupId)).Select(r => r.FromPort ?? -1).ToList();
        await adapter.RestoreAsync(session, change, CancellationToken.None);

        Assert.Equal([443], afterRevoke);
        Assert.Equal([22, 443], (await world.IngressRulesAsync(groupId)).Select(r => r.FromPort ?? -1).Order());
        Assert.Equal(AuditPermission.From(ssh), Assert.Single(System.Text.Json.JsonSerializer.Deserialize(change.Before, AuditJsonContext.Default.ListAuditPermission)!));
    }

    [Fact]
    public async Task A_rule_already_gone_is_revoked_unconfirmed()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"));
        using var session = new MemberSession(RemediationWorld.MemberAccount, RemediationWorld.Region, world.MemberCredentials, world.Runtime.Clients);
        var adapter = new SecurityGroupAdapter();
        var group = (SecurityGroupFact)(await adapter.ReadAsync(session, groupId, CancellationToken.None))!;
        await world.MemberEc2.RevokeSecurityGroupIngressAsync(new Amazon.EC2.Model.RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleIds["22 0.0.0.0/0"]] });

        var revoked = await adapter.RevokeAsync(session, groupId, [.. group.Ingress], CancellationToken.None);

        Assert.True(Assert.Single(revoked).Unconfirmed);
    }

    [Fact]
    public void Describing_a_plan_of_another_type_is_refused_with_the_action_named()
    {
        var group = new SecurityGroupFact { GroupId = "sg-0123456789abcdef0" };

        var error = Assert.Throws<NotSupportedException>(() => new SecurityGroupAdapter().Describe(group, new RemediationPlan("put-public-access-block", "sg-0123456789abcdef0", [])));

        Assert.Contains("put-public-access-block", error.Message, StringComparison.Ordinal);
    }
}
