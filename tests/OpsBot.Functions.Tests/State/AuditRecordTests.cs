using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.State;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuditRecordTests(MotoServer moto)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_late_provisional_record_never_replaces_the_final_one()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            var provisional = new AuditRecord { EventId = "evt-1", RecordedAt = Start, Outcome = AuditOutcome.Failed, Provisional = true, Reason = "interrupted while revoking" };
            await store.WriteAuditAsync(provisional, CancellationToken.None);
            await store.WriteAuditAsync(provisional, CancellationToken.None);
            await store.WriteAuditAsync(new AuditRecord { EventId = "evt-1", RecordedAt = Start, Outcome = AuditOutcome.Remediated, Reason = "revoked 1 rule(s)" }, CancellationToken.None);

            await Assert.ThrowsAsync<AuditRecordSupersededException>(() => store.WriteAuditAsync(provisional, CancellationToken.None));

            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);
            Assert.Equal((AuditOutcome.Remediated, false), (record!.Outcome, record.Provisional));
        }
    }

    [Fact]
    public async Task An_audit_record_with_a_200_kb_reason_is_cut_to_fit_with_a_marker()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            var huge = new string('x', 200_000);
            await store.WriteAuditAsync(new AuditRecord { EventId = "evt-1", RecordedAt = Start, Outcome = AuditOutcome.Rejected, Reason = huge, Errors = [huge, huge, huge] }, CancellationToken.None);

            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);

            var kept = record!.Reason.IndexOf(" …[truncated: ", StringComparison.Ordinal);
            Assert.InRange(record.Reason.Length, AuditText.MaxReason - 48, AuditText.MaxReason);
            Assert.EndsWith($" …[truncated: {200_000 - kept} more characters]", record.Reason, StringComparison.Ordinal);
            Assert.All(record.Errors, e => Assert.InRange(e.Length, 1, AuditText.MaxLine));
        }
    }
}
