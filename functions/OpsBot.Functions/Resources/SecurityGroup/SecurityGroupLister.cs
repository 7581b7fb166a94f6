using System.Runtime.CompilerServices;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Resources.SecurityGroup;

/// <summary>
/// Every security group of the account and region, read account-wide in pages (groups, then all
/// rules) as a sweep reads them, rather than one DescribeSecurityGroupRules call per group.
/// </summary>
public sealed class SecurityGroupLister : IResourceLister
{
    /// <inheritdoc />
    public string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var group in await new Ec2SecurityGroupClient(session.Ec2).ReadAllAsync(cancellationToken))
        {
            yield return group;
        }
    }
}
