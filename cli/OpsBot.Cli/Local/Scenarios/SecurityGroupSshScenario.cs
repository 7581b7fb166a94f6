using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// The default story: a member opens SSH and HTTPS to the world, the runner revokes SSH through the
/// assumed role, HTTPS stays, an SNS alert arrives and the audit record is written.
/// </summary>
public sealed class SecurityGroupSshScenario : IDemoScenario
{
    /// <inheritdoc />
    public string Name => "security-group-ssh";

    /// <inheritdoc />
    public string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "A security group opened to the world on SSH and HTTPS: SSH is revoked, HTTPS stays.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: SSH revoked in the member account, HTTPS kept, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var memberEc2 = run.Topology.Runtime.Clients.CreateEc2(run.Topology.MemberCredentials, run.Region);
        var (groupId, created) = await OpenGroupAsync(memberEc2, run.Timeline, cancellationToken);
        var detail = AuthorizeIngressRecord.Write(run.Account, run.Region, groupId, CloudTrailRecord.DeveloperArn(run.Account), created, DateTimeOffset.UtcNow);
        await run.SendAsync("aws.ec2", detail, cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        await CheckGroupAsync(memberEc2, groupId, run.Timeline, problems, cancellationToken);
        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static async Task<(string GroupId, IReadOnlyList<SecurityGroupRule> Created)> OpenGroupAsync(IAmazonEC2 ec2, Timeline timeline, CancellationToken cancellationToken)
    {
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("web-frontend", "public web tier"), cancellationToken);
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "debugging" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            ],
        }, cancellationToken);
        var rules = await IngressAsync(ec2, group.GroupId, cancellationToken);
        timeline.Step("member", $"security group {group.GroupId} 'web-frontend' opened to the world:");
        foreach (var rule in rules)
        {
            timeline.Detail(Describe(rule));
        }

        return (group.GroupId, rules);
    }

    private static async Task CheckGroupAsync(IAmazonEC2 ec2, string groupId, Timeline timeline, List<string> problems, CancellationToken cancellationToken)
    {
        var rules = await IngressAsync(ec2, groupId, cancellationToken);
        timeline.Step("member", $"{groupId} now has {rules.Count} ingress rule(s):");
        foreach (var rule in rules)
        {
            timeline.Detail(Describe(rule));
        }

        if (rules.Any(r => r.FromPort == 22))
        {
            problems.Add("SSH open to the world was not revoked");
        }

        if (!rules.Any(r => r.FromPort == 443 && r.CidrIpv4 == "0.0.0.0/0"))
        {
            problems.Add("HTTPS was removed although no policy forbids it");
        }
    }

    private static async Task<List<SecurityGroupRule>> IngressAsync(IAmazonEC2 ec2, string groupId, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] }, cancellationToken);
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true).OrderBy(r => r.FromPort)];
    }

    private static string Describe(SecurityGroupRule rule) =>
        $"{rule.SecurityGroupRuleId}: {rule.IpProtocol} {rule.FromPort}{(rule.ToPort != rule.FromPort ? "-" + rule.ToPort : "")} from {rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId}";
}
