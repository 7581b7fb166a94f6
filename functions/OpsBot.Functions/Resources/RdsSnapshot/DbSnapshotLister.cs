using System.Runtime.CompilerServices;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Functions.Resources.RdsSnapshot;

/// <summary>The account's manual DB snapshots, paged; each is read by the adapter.</summary>
public sealed class DbSnapshotLister : IResourceLister
{
    private readonly DbSnapshotAdapter _adapter = new();

    /// <inheritdoc />
    public string ResourceType => DbSnapshotResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await foreach (var identifier in RdsSnapshotIdentifiers.ListAsync(session, RdsSnapshotKind.DbSnapshot, cancellationToken))
        {
            if (await _adapter.ReadAsync(session, identifier, cancellationToken) is { } fact)
            {
                yield return fact;
            }
        }
    }
}
