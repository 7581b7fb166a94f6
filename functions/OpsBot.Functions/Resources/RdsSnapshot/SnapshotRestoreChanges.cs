using System.Text;
using System.Text.Json;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Functions.Resources.RdsSnapshot;

/// <summary>
/// What the two snapshot adapters share: a change that removes the public value <c>all</c> from a
/// snapshot's <c>restore</c> attribute, whose <c>Before</c> is the attribute as
/// <c>aws rds describe-db-snapshot-attributes</c> (or the cluster form) prints it, which is also
/// the type's offline state document. Apply removes the public values of <c>Before</c> that are
/// still there; restore adds back those that are missing; account ids are never touched.
/// </summary>
/// <param name="kind">The snapshot kind's operation names.</param>
/// <param name="noun">The snapshot kind in words, e.g. <c>DB snapshot</c>.</param>
/// <param name="action">The action's name.</param>
/// <param name="readBefore">Reads the restore values out of a <c>Before</c> document (the type's state reader).</param>
internal sealed class SnapshotRestoreChanges(RdsSnapshotKind kind, string noun, string action, Func<string, IReadOnlyList<RestorePermissionFact>> readBefore)
{
    public string Action => action;

    public Task<RdsSnapshotState?> ReadAsync(MemberSession session, string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Client(session).ReadAsync(kind, identifier, cancellationToken);
    }

    public ResourceChange Describe(string identifier, IReadOnlyList<RestorePermissionFact> restore, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Action != action)
        {
            throw new NotSupportedException($"{noun}s have no action '{plan.Action}'");
        }

        var removed = plan.Elements.OfType<RestorePermissionFact>().Where(p => p.IsPublic).ToList();
        var kept = restore.Where(p => !p.IsPublic).Select(p => p.Value).ToList();
        var rest = kept.Count == 0 ? "it is shared with no account" : $"still shared with {string.Join(", ", kept)}";
        return new ResourceChange(action, identifier, $"make {noun} {identifier} private: remove 'all' from its restore attribute ({rest})", [.. removed.Select(p => p.ToString())], Before(identifier, restore));
    }

    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var remove = readBefore(change.Before).Where(p => p.IsPublic).Select(p => p.Value).ToList();
        var client = Client(session);
        var live = await client.ReadAsync(kind, change.ResourceId, cancellationToken);
        var present = remove.Where(v => live is not null && live.Restore.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
        await client.ModifyRestoreAsync(kind, change.ResourceId, [], present, cancellationToken);
    }

    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var add = readBefore(change.Before).Where(p => p.IsPublic).Select(p => p.Value).ToList();
        var client = Client(session);
        var live = await client.ReadAsync(kind, change.ResourceId, cancellationToken)
            ?? throw new InvalidOperationException($"{noun} {change.ResourceId} no longer exists, so its restore attribute cannot be put back");
        await client.ModifyRestoreAsync(kind, change.ResourceId, [.. add.Where(v => !live.Restore.Contains(v, StringComparer.OrdinalIgnoreCase))], [], cancellationToken);
    }

    private static RdsSnapshotClient Client(MemberSession session) => new(session.Service("rds", "RDS"));

    // {"DBSnapshotAttributesResult":{"DBSnapshotIdentifier":…,"DBSnapshotAttributes":[{"AttributeName":"restore","AttributeValues":[…]}]}}
    private string Before(string identifier, IReadOnlyList<RestorePermissionFact> restore)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject($"{kind.Stem}AttributesResult");
            writer.WriteString(kind.Identifier, identifier);
            writer.WriteStartArray($"{kind.Stem}Attributes");
            writer.WriteStartObject();
            writer.WriteString("AttributeName", RdsSnapshotClient.RestoreAttribute);
            writer.WriteStartArray("AttributeValues");
            foreach (var permission in restore)
            {
                writer.WriteStringValue(permission.Value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
