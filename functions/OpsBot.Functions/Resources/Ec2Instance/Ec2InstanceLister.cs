using System.Runtime.CompilerServices;
using Amazon.EC2.Model;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Functions.Resources.Ec2Instance;

/// <summary>Every instance of the account and region, paged, turned into facts as the adapter's reader does.</summary>
public sealed class Ec2InstanceLister : IResourceLister
{
    private const int PageSize = 1000;

    /// <inheritdoc />
    public string ResourceType => Ec2InstanceResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string? next = null;
        do
        {
            var page = await session.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = PageSize, NextToken = next }, cancellationToken);
            foreach (var instance in (page.Reservations ?? []).SelectMany(r => r.Instances ?? []))
            {
                yield return Ec2InstanceReader.ToFact(instance);
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
    }
}
