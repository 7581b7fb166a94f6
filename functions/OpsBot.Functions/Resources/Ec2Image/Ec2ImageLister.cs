using System.Runtime.CompilerServices;
using Amazon.EC2.Model;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.Ec2Image;

namespace OpsBot.Functions.Resources.Ec2Image;

/// <summary>The account's own images (owner <c>self</c>), paged; each is read by the adapter's reader.</summary>
public sealed class Ec2ImageLister : IResourceLister
{
    private const int PageSize = 1000;

    /// <inheritdoc />
    public string ResourceType => Ec2ImageResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string? next = null;
        do
        {
            var page = await session.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = PageSize, NextToken = next }, cancellationToken);
            // Owner "self" is asked for, and checked again: an emulator may answer every public image.
            foreach (var image in (page.Images ?? []).Where(i => i.OwnerId == session.Account))
            {
                if (await ImageReader.ReadAsync(session.Ec2, image.ImageId, cancellationToken) is { } fact)
                {
                    yield return fact;
                }
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
    }
}
