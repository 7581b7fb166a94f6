using System.Runtime.CompilerServices;
using Amazon.EC2.Model;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Functions.Resources.NetworkAcl;

/// <summary>Every network ACL of the account and region, paged; each is read by the adapter's reader.</summary>
public sealed class NetworkAclLister : IResourceLister
{
    private const int PageSize = 1000;

    /// <inheritdoc />
    public string ResourceType => NetworkAclResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string? next = null;
        do
        {
            var page = await session.Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { MaxResults = PageSize, NextToken = next }, cancellationToken);
            foreach (var acl in page.NetworkAcls ?? [])
            {
                if (await NetworkAclReader.ReadAsync(session.Ec2, acl.NetworkAclId, cancellationToken) is { } fact)
                {
                    yield return fact;
                }
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
    }
}
