using Amazon.EC2.Model;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Ec2SecurityGroupClientTests(MotoServer moto)
{
    [Fact]
    public async Task Reads_one_element_per_rule_with_rule_ids_and_internet_exposure()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (22, "10.0.0.0/8"), (443, "::/0"));
        var client = new Ec2SecurityGroupClient(world.MemberEc2);

        var group = await client.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, groupId), CancellationToken.None);

        Assert.NotNull(group);
        Assert.Equal(RemediationWorld.MemberAccount, group.OwnerId);
        Assert.Equal(ruleIds.Values.Order(), group.Ingress.Select(p => p.RuleId!).Order());
        Assert.True(group.Ingress.Single(p => p.Source == "0.0.0.0/0").IsOpenToInternet);
        Assert.False(group.Ingress.Single(p => p.Source == "10.0.0.0/8").IsOpenToInternet);
        Assert.True(group.Ingress.Single(p => p.Source == "::/0").IsIpv6);
    }

    [Fact]
    public async Task Keeps_the_member_account_apart_from_the_central_account()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, _) = await world.CreateGroupAsync("member-only", (22, "0.0.0.0/0"));
        using var centralEc2 = world.Runtime.Clients.CreateEc2(world.Runtime.Clients.CentralCredentials, RemediationWorld.Region);
        var reference = new ResourceReference(SecurityGroupResourceType.TypeName, groupId);

        var fromCentral = await new Ec2SecurityGroupClient(centralEc2).ReadAsync(reference, CancellationToken.None);
        var fromMember = await new Ec2SecurityGroupClient(world.MemberEc2).ReadAsync(reference, CancellationToken.None);

        Assert.Null(fromCentral);
        Assert.Equal(RemediationWorld.MemberAccount, fromMember?.OwnerId);
    }

    [Fact]
    public async Task Finds_a_group_by_name()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, _) = await world.CreateGroupAsync("named", (80, "0.0.0.0/0"));
        var name = (await world.MemberEc2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups[0].GroupName;
        var client = new Ec2SecurityGroupClient(world.MemberEc2);

        var group = await client.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, null, name), CancellationToken.None);

        Assert.Equal(groupId, group?.GroupId);
    }

    [Fact]
    public async Task Returns_null_for_a_group_that_does_not_exist()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var client = new Ec2SecurityGroupClient(world.MemberEc2);

        var group = await client.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, "sg-0000000000000dead"), CancellationToken.None);

        Assert.Null(group);
    }

    [Fact]
    public async Task Revokes_ipv6_and_egress_rules_by_id_and_reports_an_already_gone_rule_as_done()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "::/0"), (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var client = new Ec2SecurityGroupClient(world.MemberEc2);
        var reference = new ResourceReference(SecurityGroupResourceType.TypeName, groupId);
        var before = (await client.ReadAsync(reference, CancellationToken.None))!;
        await world.MemberEc2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleIds["22 0.0.0.0/0"]] });
        var targets = before.Ingress.Where(p => p.FromPort == 22).Concat(before.Egress).ToList();

        var results = await client.RevokeAsync(groupId, targets, CancellationToken.None);

        var after = (await client.ReadAsync(reference, CancellationToken.None))!;
        Assert.Equal([ruleIds["443 0.0.0.0/0"]], after.Ingress.Select(p => p.RuleId));
        Assert.Empty(after.Egress);
        Assert.Equal([ruleIds["22 0.0.0.0/0"]], results.Where(r => r.Unconfirmed).Select(r => r.Permission.RuleId));
        Assert.Equal(targets.Count, results.Count);
    }

    [Fact]
    public async Task Authorizes_revoked_rules_again_for_undo()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, _) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (3389, "2001:db8::/32"));
        var client = new Ec2SecurityGroupClient(world.MemberEc2);
        var reference = new ResourceReference(SecurityGroupResourceType.TypeName, groupId);
        var before = (await client.ReadAsync(reference, CancellationToken.None))!;
        await client.RevokeAsync(groupId, before.Ingress, CancellationToken.None);

        await client.AuthorizeAsync(groupId, before.Ingress, CancellationToken.None);

        var after = (await client.ReadAsync(reference, CancellationToken.None))!;
        Assert.Equal(Shapes(before.Ingress), Shapes(after.Ingress));
    }

    private static IEnumerable<string> Shapes(IEnumerable<PermissionFact> permissions) =>
        permissions.Select(p => $"{p.Protocol} {p.FromPort}-{p.ToPort} {p.Source}").Order();
}
