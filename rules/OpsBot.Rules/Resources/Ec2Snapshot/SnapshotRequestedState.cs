using System.Text.Json;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>
/// A snapshot as one <c>ModifySnapshotAttribute</c> call asked for it: the create-volume permissions
/// the call adds (<c>createVolumePermission.add.items[]</c>, each a <c>group</c> or a <c>userId</c>, a
/// lone item possibly given as an object). Permissions the snapshot had before are not in the event, so
/// they are taken as absent, and so are its tags.
/// </summary>
internal static class SnapshotRequestedState
{
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, string snapshotId)
    {
        var change = CloudTrailJson.Object(cloudTrailEvent.RequestParameters, "createVolumePermission");
        var added = change is { } c ? CloudTrailJson.Items(c, "add").Select(ReadPermission).OfType<VolumePermissionFact>().ToList() : [];
        return [new SnapshotFact { SnapshotId = snapshotId, Permissions = added }];
    }

    /// <summary>The permission of one CloudTrail item; null when it names neither a group nor an account.</summary>
    internal static VolumePermissionFact? ReadPermission(JsonElement item)
    {
        var group = CloudTrailJson.String(item, "group") ?? "";
        var user = CloudTrailJson.String(item, "userId") ?? "";
        return group.Length > 0 || user.Length > 0 ? new VolumePermissionFact { Group = group, UserId = user } : null;
    }
}
