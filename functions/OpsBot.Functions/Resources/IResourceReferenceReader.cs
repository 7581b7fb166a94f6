using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Resources;

/// <summary>
/// An adapter that can find its resource by more than an id: events may name a security group by
/// name within a VPC. The pipeline reads event references through it when the adapter has it.
/// </summary>
public interface IResourceReferenceReader
{
    /// <summary>The resource fact <paramref name="reference"/> points at, as the member account reports it now; null when it does not exist.</summary>
    Task<object?> ReadAsync(MemberSession session, ResourceReference reference, CancellationToken cancellationToken);
}
