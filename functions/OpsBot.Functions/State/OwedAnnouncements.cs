using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>What recording an outcome's outbox found (see <see cref="IStateStore.OweAndTakeAnnouncementsAsync"/>).</summary>
/// <param name="Taken">The ids of the announcements this call recorded: new, and already taken (sending, attempt 1) for its owner.</param>
/// <param name="Earlier">The state of the announcements an earlier attempt had recorded, as they stood when this call met them.</param>
public sealed record OwedAnnouncements(IReadOnlySet<string> Taken, IReadOnlyList<AnnouncementState> Earlier);
