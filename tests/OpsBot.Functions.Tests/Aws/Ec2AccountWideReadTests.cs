using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Tests.Aws;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Ec2AccountWideReadTests(MotoServer moto)
{
    private readonly MotoAccounts _accounts = new(moto);

    [Fact]
    public async Task Twelve_hundred_rules_across_sixty_groups_are_read_in_a_few_paged_describe_calls()
    {
        var credentials = await _accounts.CredentialsForAsync(MotoAccounts.NewAccountId());
        using var setup = Ec2(credentials, null);
        var created = await CreateGroupsAsync(setup, groups: 60, rulesPerGroup: 20);
        var counting = new CountingEc2HttpClientFactory();
        using var ec2 = Ec2(credentials, counting);

        var facts = await new Ec2SecurityGroupClient(ec2).ReadAllAsync(CancellationToken.None);

        var ours = facts.Where(f => created.Contains(f.GroupId)).ToList();
        Assert.Equal(60, ours.Count);
        Assert.All(ours, f => Assert.Equal(20, f.Ingress.Count));
        Assert.True(ours.Sum(f => f.Ingress.Count + f.Egress.Count) >= 1200);
        Assert.InRange(counting.Count("DescribeSecurityGroups"), 1, 2);
        Assert.InRange(counting.Count("DescribeSecurityGroupRules"), 1, 2);
        Assert.All(counting.Bodies, b => Assert.Contains("MaxResults=1000", b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_wide_read_sees_each_group_as_the_single_group_read_does()
    {
        var credentials = await _accounts.CredentialsForAsync(MotoAccounts.NewAccountId());
        using var ec2 = Ec2(credentials, null);
        var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("mixed-" + Guid.NewGuid().ToString("N")[..6], "OpsBot test group")
        {
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("team", "payments")] }],
        });
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = created.GroupId,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "ssh" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] },
                new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] },
            ],
        });
        var client = new Ec2SecurityGroupClient(ec2);

        var single = await client.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, created.GroupId), CancellationToken.None);
        var wide = Assert.Single(await client.ReadAllAsync(CancellationToken.None), f => f.GroupId == created.GroupId);

        Assert.NotNull(single);
        Assert.Equal(Shape(single), Shape(wide));
        Assert.Equal(3, wide.Ingress.Count);
    }

    private static string Shape(SecurityGroupFact fact) =>
        string.Join("|", [fact.GroupId, fact.GroupName, fact.VpcId, fact.OwnerId, fact.Description, .. fact.Tags.Select(t => $"{t.Key}={t.Value}"), .. fact.Ingress.Select(Element), .. fact.Egress.Select(Element)]);

    private static string Element(PermissionFact p) => $"{p.Direction} {p.Protocol} {p.FromPort}-{p.ToPort} {p.SourceKind} {p.Source} {p.RuleId} {p.Description}";

    private static async Task<HashSet<string>> CreateGroupsAsync(IAmazonEC2 ec2, int groups, int rulesPerGroup)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups; g++)
        {
            var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest($"bulk-{g}-" + Guid.NewGuid().ToString("N")[..6], "OpsBot paging test"));
            var ranges = Enumerable.Range(0, rulesPerGroup).Select(r => new IpRange { CidrIp = $"10.{g}.{r}.0/24" }).ToList();
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = created.GroupId,
                IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 8080, ToPort = 8080, Ipv4Ranges = ranges }],
            });
            ids.Add(created.GroupId);
        }

        return ids;
    }

    private IAmazonEC2 Ec2(AWSCredentials credentials, HttpClientFactory? http)
    {
        var config = new AmazonEC2Config { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = MotoAccounts.Region };
        if (http is not null)
        {
            config.HttpClientFactory = http;
        }

        return new AmazonEC2Client(credentials, config);
    }
}
