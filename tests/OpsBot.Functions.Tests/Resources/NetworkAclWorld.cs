using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// Network ACLs in the member account of a <see cref="SlackApprovalWorld"/> running the shipped
/// policies, and the shipped CloudTrail fixtures of network ACL calls re-aimed at them.
/// </summary>
internal sealed class NetworkAclWorld : IAsyncDisposable
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private NetworkAclWorld(SlackApprovalWorld slack, IAmazonEC2 memberEc2)
    {
        Slack = slack;
        MemberEc2 = memberEc2;
    }

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>EC2 in the member account, as the remediation role.</summary>
    public IAmazonEC2 MemberEc2 { get; }

    public static async Task<NetworkAclWorld> CreateAsync(MotoServer moto)
    {
        var slack = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        return new NetworkAclWorld(slack, slack.Runtime.Clients.CreateEc2(slack.World.MemberCredentials, RemediationWorld.Region));
    }

    /// <summary>Creates a network ACL in a new VPC of the member account; returns its id.</summary>
    public async Task<string> CreateAclAsync()
    {
        var vpc = await MemberEc2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" });
        var acl = await MemberEc2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc.Vpc.VpcId });
        return acl.NetworkAcl.NetworkAclId;
    }

    /// <summary>Adds an entry to <paramref name="acl"/>.</summary>
    public Task AddAsync(string acl, int number, bool egress, string protocol, string action, string cidr, int? from = null, int? to = null) =>
        MemberEc2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl,
            RuleNumber = number,
            Egress = egress,
            Protocol = protocol,
            RuleAction = action,
            CidrBlock = cidr,
            PortRange = from is null ? null : new PortRange { From = from, To = to },
        });

    /// <summary>The ACL's entries as "direction number protocol from-to cidr action" lines, sorted.</summary>
    public async Task<IReadOnlyList<string>> EntriesAsync(string acl)
    {
        var response = await MemberEc2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl] });
        return [.. response.NetworkAcls.Single().Entries.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{(e.Egress == true ? "egress" : "ingress")} {e.RuleNumber} {e.Protocol} {e.PortRange?.From}-{e.PortRange?.To} {e.CidrBlock ?? e.Ipv6CidrBlock} {e.RuleAction?.Value}")).Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c>, aimed at <paramref name="acl"/>, through the pipeline.</summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, string acl)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", fixture + ".json")))!;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        detail["requestParameters"]!["networkAclId"] = acl;
        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync()
    {
        MemberEc2.Dispose();
        await Slack.DisposeAsync();
    }
}
