using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;
using TrafficDirection = OpsBot.Rules.Facts.TrafficDirection;

namespace OpsBot.Functions.Aws.Ec2;

/// <summary>
/// <see cref="ISecurityGroupClient"/> over the EC2 API. Rules are always read with
/// <c>DescribeSecurityGroupRules</c> (one element per rule id) rather than from the
/// <c>IpPermissions</c> of <c>DescribeSecurityGroups</c>, so that a revoke can name rule ids. A sweep
/// reads a whole account and region in pages of 1000 (<see cref="ReadAllAsync"/>).
/// </summary>
public sealed class Ec2SecurityGroupClient(IAmazonEC2 ec2) : ISecurityGroupClient
{
    /// <summary>
    /// The IAM actions <see cref="AuthorizeAsync"/> (undo of a revoke) makes; the fix only revokes,
    /// so both are denied outright to the event handler's and the sweeper's sessions.
    /// </summary>
    public static IReadOnlyList<Resources.RestorePermission> RestorePermissions { get; } =
    [
        Resources.RestorePermission.Always("ec2:AuthorizeSecurityGroupIngress"),
        Resources.RestorePermission.Always("ec2:AuthorizeSecurityGroupEgress"),
    ];

    private const string PermissionNotFound = "InvalidPermission.NotFound";

    // What EC2 answers to a revoke by a rule id it does not know (moto answers InvalidPermission.NotFound).
    private const string RuleIdNotFound = "InvalidSecurityGroupRuleId.NotFound";
    private const string PermissionDuplicate = "InvalidPermission.Duplicate";

    // The largest page DescribeSecurityGroups and DescribeSecurityGroupRules allow: an account's
    // rules come in a few calls instead of two per group.
    private const int PageSize = 1000;

    /// <inheritdoc />
    public async Task<SecurityGroupFact?> ReadAsync(ResourceReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);

        // Named by id (as events name them), the group's rules are read beside the group: one round
        // trip instead of two for every read and every verify. A group that is not there has no rules.
        var early = reference.Id is { } id ? ReadRulesAsync(id, cancellationToken) : null;
        SecurityGroup? group;
        try
        {
            group = await FindGroupAsync(reference, cancellationToken);
        }
        catch (Exception)
        {
            await ObserveAsync(early);
            throw;
        }

        if (group is null)
        {
            await ObserveAsync(early);
            return null;
        }

        var rules = early is not null ? await early : await ReadRulesAsync(group.GroupId, cancellationToken);
        return SecurityGroupFactMapper.ToFact(group, rules);
    }

    private async Task<List<SecurityGroupRule>> ReadRulesAsync(string groupId, CancellationToken cancellationToken)
    {
        var rules = new List<SecurityGroupRule>();
        string? next = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
            {
                Filters = [new Filter("group-id", [groupId])],
                NextToken = next,
            }, cancellationToken);
            rules.AddRange(page.SecurityGroupRules ?? []);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return rules;
    }

    // Waits for a read whose answer is not needed, so its failure is neither unobserved nor reported.
    private static async Task ObserveAsync(Task? read)
    {
        try
        {
            if (read is not null)
            {
                await read;
            }
        }
        catch (Exception)
        {
            // Not needed: the group read decides the outcome.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RevokedPermission>> RevokeAsync(string groupId, IReadOnlyList<PermissionFact> permissions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(permissions);
        var results = new List<RevokedPermission>(permissions.Count);
        foreach (var direction in new[] { TrafficDirection.Ingress, TrafficDirection.Egress })
        {
            var batch = permissions.Where(p => p.Direction == direction).ToList();
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await RevokeBatchAsync(groupId, direction, batch, cancellationToken);
                results.AddRange(batch.Select(p => new RevokedPermission(p, false)));
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode is PermissionNotFound or RuleIdNotFound)
            {
                // One missing rule fails the whole call and revokes nothing: retry rule by rule so
                // the others still go and only the missing one is reported as unconfirmed.
                foreach (var permission in batch)
                {
                    results.Add(await RevokeOneAsync(groupId, permission, cancellationToken));
                }
            }
        }

        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SecurityGroupFact>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var groups = new List<SecurityGroup>();
        string? next = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = PageSize, NextToken = next }, cancellationToken);
            groups.AddRange(page.SecurityGroups ?? []);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        var rulesByGroup = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        next = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { MaxResults = PageSize, NextToken = next }, cancellationToken);
            foreach (var rule in page.SecurityGroupRules ?? [])
            {
                if (!rulesByGroup.TryGetValue(rule.GroupId ?? "", out var list))
                {
                    rulesByGroup[rule.GroupId ?? ""] = list = [];
                }

                list.Add(rule);
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        // A group created between the two reads has no rules listed yet; it is read complete next sweep.
        return [.. groups.Select(g => SecurityGroupFactMapper.ToFact(g, rulesByGroup.GetValueOrDefault(g.GroupId) ?? []))];
    }

    /// <inheritdoc />
    public async Task AuthorizeAsync(string groupId, IReadOnlyList<PermissionFact> permissions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(permissions);
        foreach (var permission in permissions)
        {
            try
            {
                if (permission.Direction == TrafficDirection.Ingress)
                {
                    await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [ToIpPermission(permission)] }, cancellationToken);
                }
                else
                {
                    await ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = [ToIpPermission(permission)] }, cancellationToken);
                }
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode == PermissionDuplicate)
            {
                // Already there again: the undo is done.
            }
        }
    }

    private async Task<SecurityGroup?> FindGroupAsync(ResourceReference reference, CancellationToken cancellationToken)
    {
        var request = new DescribeSecurityGroupsRequest();
        if (reference.Id is { } id)
        {
            request.GroupIds = [id];
        }
        else
        {
            request.Filters = [new Filter("group-name", [reference.Name ?? ""])];
            if (reference.VpcId is { } vpc)
            {
                request.Filters.Add(new Filter("vpc-id", [vpc]));
            }
        }

        try
        {
            var response = await ec2.DescribeSecurityGroupsAsync(request, cancellationToken);
            var groups = response.SecurityGroups ?? [];
            return reference.Id is { } wanted ? groups.FirstOrDefault(g => g.GroupId == wanted) : groups.FirstOrDefault();
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode is "InvalidGroup.NotFound" or "InvalidGroupId.NotFound" or "InvalidGroupId.Malformed")
        {
            return null;
        }
    }

    private async Task RevokeBatchAsync(string groupId, TrafficDirection direction, List<PermissionFact> batch, CancellationToken cancellationToken)
    {
        var byId = batch.Where(p => p.RuleId is not null).Select(p => p.RuleId!).ToList();
        var byShape = batch.Where(p => p.RuleId is null).Select(ToIpPermission).ToList();
        if (direction == TrafficDirection.Ingress)
        {
            if (byId.Count > 0)
            {
                await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = byId }, cancellationToken);
            }

            if (byShape.Count > 0)
            {
                await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = byShape }, cancellationToken);
            }
        }
        else
        {
            if (byId.Count > 0)
            {
                await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = groupId, SecurityGroupRuleIds = byId }, cancellationToken);
            }

            if (byShape.Count > 0)
            {
                await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = byShape }, cancellationToken);
            }
        }
    }

    private async Task<RevokedPermission> RevokeOneAsync(string groupId, PermissionFact permission, CancellationToken cancellationToken)
    {
        try
        {
            await RevokeBatchAsync(groupId, permission.Direction, [permission], cancellationToken);
            return new RevokedPermission(permission, false);
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode is PermissionNotFound or RuleIdNotFound)
        {
            return new RevokedPermission(permission, true);
        }
    }

    private static IpPermission ToIpPermission(PermissionFact permission)
    {
        var result = new IpPermission
        {
            IpProtocol = permission.Protocol,
            FromPort = permission.IsAllTraffic ? null : permission.FromPort,
            ToPort = permission.IsAllTraffic ? null : permission.ToPort,
        };
        var description = string.IsNullOrEmpty(permission.Description) ? null : permission.Description;
        switch (permission.SourceKind)
        {
            case SourceKind.Ipv4Cidr:
                result.Ipv4Ranges = [new IpRange { CidrIp = permission.Source, Description = description }];
                break;
            case SourceKind.Ipv6Cidr:
                result.Ipv6Ranges = [new Ipv6Range { CidrIpv6 = permission.Source, Description = description }];
                break;
            case SourceKind.PrefixList:
                result.PrefixListIds = [new PrefixListId { Id = permission.Source, Description = description }];
                break;
            default:
                result.UserIdGroupPairs = [new UserIdGroupPair { GroupId = permission.Source, Description = description }];
                break;
        }

        return result;
    }
}
