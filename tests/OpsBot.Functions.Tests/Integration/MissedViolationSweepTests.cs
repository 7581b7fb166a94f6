using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MissedViolationSweepTests(MotoServer moto)
{
    [Fact]
    public async Task A_sweep_fixes_a_violation_no_event_reported_and_leaves_compliant_groups_alone()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (violating, _) = await world.CreateGroupAsync("legacy", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var (compliant, _) = await world.CreateGroupAsync("internal", (22, "10.0.0.0/8"));

        var result = await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.True(result.Acted >= 1);
        Assert.Equal(["443 0.0.0.0/0"], (await world.IngressRulesAsync(violating)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        Assert.Equal(["22 10.0.0.0/8"], (await world.IngressRulesAsync(compliant)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        var alert = Assert.Single(await AlertsFor(world, violating));
        Assert.Equal("Remediated", alert.Message.GetProperty("outcome").GetString());
        var audit = await world.Runtime.StateStore.ReadAuditAsync(alert.Message.GetProperty("eventId").GetString()!, CancellationToken.None);
        Assert.Equal((AuditOutcome.Remediated, SweepFinding.EventName), (audit!.Outcome, audit.EventName));
    }

    [Fact]
    public async Task A_violation_left_in_place_is_announced_once_however_many_sweeps_see_it()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, forceNotify: true);
        var (violating, _) = await world.CreateGroupAsync("legacy", (3389, "0.0.0.0/0"));

        var first = await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);
        var second = await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Single(await world.IngressRulesAsync(violating));
        Assert.Equal("Notified", Assert.Single(await AlertsFor(world, violating)).Message.GetProperty("outcome").GetString());
        Assert.True(first.Acted >= 1);
        Assert.Equal(first.Violating, second.AlreadyKnown);
        Assert.Equal(0, second.Acted);
    }

    [Fact]
    public async Task An_account_that_cannot_be_reached_is_reported_and_the_others_are_still_swept()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (violating, _) = await world.CreateGroupAsync("legacy", (22, "0.0.0.0/0"));

        var result = await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], ["no-such-region-1", RemediationWorld.Region], CancellationToken.None);

        Assert.Contains(result.Errors, e => e.StartsWith($"{RemediationWorld.MemberAccount} no-such-region-1:", StringComparison.Ordinal));
        Assert.Empty(await world.IngressRulesAsync(violating));
    }

    // The member account is shared by the tests on this moto server; only this test's group counts.
    private static async Task<List<ReceivedAlert>> AlertsFor(RemediationWorld world, string groupId) =>
        [.. (await world.DrainAlertsAsync()).Where(a => a.Message.GetProperty("resourceId").GetString() == groupId)];
}
