using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>A state store that forwards every call to the real one; tests override the call they disturb.</summary>
internal abstract class DelegatingStateStore(IStateStore inner) : IStateStore
{
    public virtual Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken) =>
        inner.ReadPendingActionAsync(eventId, policyId, resourceId, cancellationToken);

    public virtual Task<ClaimOutcome> TryClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(eventId, owner, cancellationToken);

    public virtual Task CompleteClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        inner.CompleteClaimAsync(eventId, owner, cancellationToken);

    public virtual Task ReleaseClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        inner.ReleaseClaimAsync(eventId, owner, cancellationToken);

    public virtual Task OweAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken) =>
        inner.OweAnnouncementsAsync(eventId, announcements, cancellationToken);

    public virtual Task<OwedAnnouncements> OweAndTakeAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken) =>
        inner.OweAndTakeAnnouncementsAsync(eventId, announcements, owner, cancellationToken);

    public virtual Task<IReadOnlyList<AnnouncementState>> ReadAnnouncementsAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadAnnouncementsAsync(eventId, cancellationToken);

    public virtual Task<bool> TryTakeAnnouncementAsync(string eventId, string announcementId, string owner, CancellationToken cancellationToken) =>
        inner.TryTakeAnnouncementAsync(eventId, announcementId, owner, cancellationToken);

    public virtual Task<AnnouncementState?> SettleAnnouncementAsync(string eventId, string announcementId, AnnouncementStatus status, string? error, string? reference, CancellationToken cancellationToken) =>
        inner.SettleAnnouncementAsync(eventId, announcementId, status, error, reference, cancellationToken);

    public virtual Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadAuditAsync(eventId, cancellationToken);

    public virtual Task SavePendingAsync(PendingAction action, CancellationToken cancellationToken) =>
        inner.SavePendingAsync(action, cancellationToken);

    public virtual Task<IReadOnlyList<PendingAction>> ReadPendingAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadPendingAsync(eventId, cancellationToken);

    public virtual Task AttachSlackMessageAsync(PendingAction action, SlackMessageLocation message, CancellationToken cancellationToken) =>
        inner.AttachSlackMessageAsync(action, message, cancellationToken);

    public virtual Task<bool> TryMovePendingAsync(PendingAction action, PendingStatus from, PendingStatus to, string? byUserId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryMovePendingAsync(action, from, to, byUserId, at, cancellationToken);

    public virtual Task<IReadOnlyList<StoredPendingAction>> ReadLapsedPendingAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReadLapsedPendingAsync(now, cancellationToken);

    public virtual Task WriteInteractionAsync(InteractionAuditRecord record, CancellationToken cancellationToken) =>
        inner.WriteInteractionAsync(record, cancellationToken);

    public virtual Task<IReadOnlyList<InteractionAuditRecord>> ReadInteractionsAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadInteractionsAsync(eventId, cancellationToken);

    public virtual Task<IReadOnlyList<InteractionAuditRecord>> ReadUnattributedInteractionsAsync(DateOnly day, CancellationToken cancellationToken) =>
        inner.ReadUnattributedInteractionsAsync(day, cancellationToken);

    public virtual Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        inner.WriteAuditAsync(record, cancellationToken);
}
