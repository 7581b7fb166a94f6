using OpsBot.Functions.Aws.Sts;

namespace OpsBot.Functions.Resources;

/// <summary>
/// Lists every resource of one type in a member session's account and region, page by page, as the
/// same facts the type's adapter reads one at a time: what a live scan or a sweep evaluates.
/// Snapshots and images are the account's own (owner <c>self</c>), not those shared with it.
/// </summary>
public interface IResourceLister
{
    /// <summary>The resource type's name, e.g. <c>aws.s3.bucket</c>.</summary>
    string ResourceType { get; }

    /// <summary>The facts of every resource of the type in <paramref name="session"/>'s account and region.</summary>
    /// <exception cref="Amazon.Runtime.AmazonServiceException">An SDK call was refused.</exception>
    /// <exception cref="Aws.Http.AwsCallException">A signed call was refused or kept failing.</exception>
    IAsyncEnumerable<object> ListAsync(MemberSession session, CancellationToken cancellationToken);
}
