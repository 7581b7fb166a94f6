using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member adds a network ACL entry letting SSH in from 0.0.0.0/0; the runner deletes that entry
/// and only that entry through the assumed role (the HTTPS entry and the one from 10.0.0.0/8
/// stay), alerts and audits with the deleted entry kept for undo.
/// </summary>
public sealed class NetworkAclSshOpenScenario : IDemoScenario
{
    /// <inheritdoc />
    public string Name => "ec2-nacl-ssh-open";

    /// <inheritdoc />
    public string ResourceType => NetworkAclResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "A network ACL entry letting SSH in from 0.0.0.0/0: that entry is deleted, the others stay.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: the inbound SSH entry from 0.0.0.0/0 deleted from the network ACL, the other entries kept, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var ec2 = run.Topology.Runtime.Clients.CreateEc2(run.Topology.MemberCredentials, run.Region);
        var vpc = await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.30.0.0/16" }, cancellationToken);
        var acl = (await ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc.Vpc.VpcId }, cancellationToken)).NetworkAcl.NetworkAclId;
        await AddAsync(ec2, acl, 110, "10.0.0.0/8", 22, cancellationToken);
        await AddAsync(ec2, acl, 120, "0.0.0.0/0", 443, cancellationToken);
        await AddAsync(ec2, acl, 100, "0.0.0.0/0", 22, cancellationToken);
        await ShowEntriesAsync(ec2, acl, $"network ACL {acl} lets SSH in from anywhere:", run.Timeline, cancellationToken);

        var request = new JsonObject
        {
            ["networkAclId"] = acl,
            ["ruleNumber"] = 100,
            ["egress"] = false,
            ["ruleAction"] = "allow",
            ["icmpTypeCode"] = new JsonObject(),
            ["aclProtocol"] = "6",
            ["portRange"] = new JsonObject { ["from"] = 22, ["to"] = 22 },
            ["cidrBlock"] = "0.0.0.0/0",
        };
        var response = new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), ["_return"] = true };
        await run.SendAsync("aws.ec2", CloudTrailRecord.Write(run.Account, run.Region, "ec2.amazonaws.com", "CreateNetworkAclEntry", request, response, "[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/ec2.create-network-acl-entry]"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        var entries = await ShowEntriesAsync(ec2, acl, $"{acl} entries now:", run.Timeline, cancellationToken);
        if (entries.Any(e => e.RuleNumber == 100 && e.Egress != true))
        {
            problems.Add("the inbound SSH entry from 0.0.0.0/0 was not deleted");
        }

        if (!entries.Any(e => e.RuleNumber == 110) || !entries.Any(e => e.RuleNumber == 120))
        {
            problems.Add("an entry no policy forbids (SSH from 10.0.0.0/8 or HTTPS) was deleted");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static Task AddAsync(IAmazonEC2 ec2, string acl, int number, string cidr, int port, CancellationToken cancellationToken) =>
        ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl,
            RuleNumber = number,
            Egress = false,
            Protocol = "6",
            RuleAction = RuleAction.Allow,
            CidrBlock = cidr,
            PortRange = new PortRange { From = port, To = port },
        }, cancellationToken);

    private static async Task<List<NetworkAclEntry>> ShowEntriesAsync(IAmazonEC2 ec2, string acl, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl] }, cancellationToken);
        var entries = response.NetworkAcls.Single().Entries ?? [];
        timeline.Step("member", heading);
        foreach (var entry in entries.Where(e => e.Egress != true).OrderBy(e => e.RuleNumber))
        {
            timeline.Detail($"#{entry.RuleNumber} inbound {entry.RuleAction?.Value} protocol {entry.Protocol} ports {entry.PortRange?.From}-{entry.PortRange?.To} from {entry.CidrBlock ?? entry.Ipv6CidrBlock}");
        }

        return entries;
    }
}
