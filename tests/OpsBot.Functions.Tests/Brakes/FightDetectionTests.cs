using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// Fight detection on moto with the shipped snapshot policy: something keeps making the same snapshot
/// public again; after three automatic fixes within the hour OpsBot stops, escalates once (saying who,
/// from where, with what) and holds every further re-open until the window ends.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FightDetectionTests(MotoServer moto)
{
    [Fact]
    public async Task The_fourth_reopen_within_the_hour_is_held_and_escalated_once_naming_the_stack_and_Terraform()
    {
        await using var world = await BrakesWorld.CreateAsync(moto);
        var snapshot = await world.CreateSnapshotAsync(("aws:cloudformation:stack-name", "data-prod"));

        var first = new List<AuditRecord>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await world.OpenAndProcessAsync(snapshot, BrakesWorld.TerraformAgent));
            world.Slack.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var fourth = await world.OpenAndProcessAsync(snapshot, BrakesWorld.TerraformAgent);
        var fifth = await world.OpenAndProcessAsync(snapshot, BrakesWorld.TerraformAgent);
        var sixth = await world.OpenAndProcessAsync(snapshot, BrakesWorld.TerraformAgent);

        Assert.All(first, a => Assert.Equal(AuditOutcome.Remediated, a.Outcome));
        Assert.True(await world.IsPublicAsync(snapshot));
        var escalation = Assert.Single(fourth.Decisions);
        Assert.Equal(AuditOutcome.Notified, escalation.Outcome);
        Assert.Null(escalation.Changes);
        Assert.StartsWith("FIGHT: held for a human", escalation.Reason, StringComparison.Ordinal);
        Assert.Contains("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Developer_0123456789abcdef/jane.doe@example.com", escalation.Reason, StringComparison.Ordinal);
        Assert.Contains("from 203.0.113.24", escalation.Reason, StringComparison.Ordinal);
        Assert.Contains("(Terraform)", escalation.Reason, StringComparison.Ordinal);
        Assert.Contains("CloudFormation stack 'data-prod'", escalation.Reason, StringComparison.Ordinal);
        Assert.Equal([AuditOutcome.Held, AuditOutcome.Held], [Assert.Single(fifth.Decisions).Outcome, Assert.Single(sixth.Decisions).Outcome]);

        var slackEscalations = world.SlackPosts().Count(p => p.Contains("FIGHT: held for a human", StringComparison.Ordinal));
        var snsEscalations = (await world.SnsAlertsAsync()).Count(a => a.Contains("FIGHT: held for a human", StringComparison.Ordinal));
        Assert.Equal((1, 1), (slackEscalations, snsEscalations));
        Assert.Equal(4, world.SlackPosts().Count);
        var stored = await world.Runtime.StateStore.ReadAuditAsync(fourth.EventId, CancellationToken.None);
        Assert.Equal(escalation.Reason, Assert.Single(stored!.Decisions).Reason);
    }

    [Fact]
    public async Task After_the_window_ends_the_resource_is_remediated_again()
    {
        await using var world = await BrakesWorld.CreateAsync(moto);
        var snapshot = await world.CreateSnapshotAsync();
        for (var i = 0; i < 4; i++)
        {
            await world.OpenAndProcessAsync(snapshot);
        }

        Assert.True(await world.IsPublicAsync(snapshot));
        world.Slack.Clock.Advance(TimeSpan.FromHours(1));

        var later = await world.OpenAndProcessAsync(snapshot);

        Assert.Equal(AuditOutcome.Remediated, later.Outcome);
        Assert.False(await world.IsPublicAsync(snapshot));
    }

    [Fact]
    public async Task Different_snapshots_are_counted_apart()
    {
        await using var world = await BrakesWorld.CreateAsync(moto);
        var one = await world.CreateSnapshotAsync();
        var other = await world.CreateSnapshotAsync();
        for (var i = 0; i < 3; i++)
        {
            await world.OpenAndProcessAsync(one);
        }

        var audit = await world.OpenAndProcessAsync(other);

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
    }
}
