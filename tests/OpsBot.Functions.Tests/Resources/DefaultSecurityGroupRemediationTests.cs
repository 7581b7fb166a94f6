using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// A VPC's default security group on moto, through the assumed role: a <c>CreateDefaultVpc</c> event
/// finds the group by name in the new VPC, asks an approver (saying what depends on the group), and
/// the approved fix leaves it with no rules; Undo puts them back.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DefaultSecurityGroupRemediationTests(MotoServer moto)
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task A_new_vpcs_default_group_is_held_for_approval_emptied_when_approved_and_restored_by_undo()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        using var ec2 = world.Runtime.Clients.CreateEc2(world.World.MemberCredentials, RemediationWorld.Region);
        var vpcId = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "172.31.0.0/16" })).Vpc.VpcId;
        var group = await DefaultGroupAsync(ec2, vpcId);
        var egressBefore = Rules(group.IpPermissionsEgress);
        Assert.NotEmpty(egressBefore);

        var audit = await ProcessCreateDefaultVpcAsync(world, vpcId);

        Assert.Equal(AuditOutcome.PendingApproval, audit.Outcome);
        var egress = Assert.Single(audit.Decisions, d => d.PolicyId == "ec2-sg-default-group-egress");
        Assert.Equal((group.GroupId, "approve"), (egress.ResourceId, egress.Mode));
        Assert.Equal(egressBefore, Rules((await DefaultGroupAsync(ec2, vpcId)).IpPermissionsEgress));
        var request = SlackApprovalWorld.Text(world.Requests("/api/chat.postMessage").First(r => SlackApprovalWorld.Text(r).Contains("ec2-sg-default-group-egress", StringComparison.Ordinal)));
        Assert.Contains("Resources in the VPC may depend on the default group", request, StringComparison.Ordinal);

        var approved = await world.Runtime.Approvals.HandleAsync(ClickKind.Approve, new SlackActionValue(audit.EventId, egress.PolicyId, group.GroupId), "U0123ABCD", CancellationToken.None);

        Assert.True(approved.Result == InteractionResult.Approved, approved.ToString());
        Assert.Empty((await DefaultGroupAsync(ec2, vpcId)).IpPermissionsEgress ?? []);

        var undone = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, egress.PolicyId, group.GroupId), "U0123ABCD", CancellationToken.None);

        Assert.True(undone.Result == InteractionResult.Undone, undone.ToString());
        Assert.Equal(egressBefore, Rules((await DefaultGroupAsync(ec2, vpcId)).IpPermissionsEgress));
    }

    [Fact]
    public async Task Inbound_rules_added_to_a_default_group_are_all_held_and_revoked_on_approval()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        using var ec2 = world.Runtime.Clients.CreateEc2(world.World.MemberCredentials, RemediationWorld.Region);
        var vpcId = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        var group = await DefaultGroupAsync(ec2, vpcId);
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 3306, ToPort = 3306, Ipv4Ranges = [new IpRange { CidrIp = "10.20.0.0/16" }] }],
        });

        var audit = await ProcessCreateDefaultVpcAsync(world, vpcId);

        var ingress = Assert.Single(audit.Decisions, d => d.PolicyId == "ec2-sg-default-group-ingress");
        Assert.Contains(ingress.Matched, m => m.FromPort == 3306);
        var approved = await world.Runtime.Approvals.HandleAsync(ClickKind.Approve, new SlackActionValue(audit.EventId, ingress.PolicyId, group.GroupId), "U0123ABCD", CancellationToken.None);

        Assert.True(approved.Result == InteractionResult.Approved, approved.ToString());
        Assert.Empty((await DefaultGroupAsync(ec2, vpcId)).IpPermissions ?? []);
    }

    private static async Task<SecurityGroup> DefaultGroupAsync(IAmazonEC2 ec2, string vpcId)
    {
        var groups = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", ["default"])] });
        return Assert.Single(groups.SecurityGroups);
    }

    private static List<string> Rules(IEnumerable<IpPermission>? permissions) =>
        [.. (permissions ?? []).SelectMany(p => (p.Ipv4Ranges ?? []).Select(r => $"{p.IpProtocol} {p.FromPort}-{p.ToPort} {r.CidrIp}")
            .Concat((p.Ipv6Ranges ?? []).Select(r => $"{p.IpProtocol} {p.FromPort}-{p.ToPort} {r.CidrIpv6}"))
            .Concat((p.UserIdGroupPairs ?? []).Select(g => $"{p.IpProtocol} {p.FromPort}-{p.ToPort} {g.GroupId}"))).Order(StringComparer.Ordinal)];

    // The shipped CreateDefaultVpc fixture, aimed at the VPC just made (ids fresh, time now, the world's region).
    private static async Task<AuditRecord> ProcessCreateDefaultVpcAsync(SlackApprovalWorld world, string vpcId)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", "create-default-vpc.json")))!;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        detail["responseElements"]!["vpc"]!["vpcId"] = vpcId;
        var result = await world.Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }
}
