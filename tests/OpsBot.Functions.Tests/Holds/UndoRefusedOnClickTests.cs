using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>
/// An Undo click that would be refused on submit is refused on the click, on moto through the Slack
/// interactions function: no <c>views.open</c>, the clicker gets the refusal as an ephemeral notice,
/// the refusal is recorded as an interaction, and nothing is restored.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UndoRefusedOnClickTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));
    private static readonly SlackMessageLocation Alert = new(SlackApprovalWorld.Channel, "1700000000.000001");

    [Fact]
    public async Task Undo_after_the_undo_window_is_refused_on_the_click_without_a_modal()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        world.Clock.Advance(TimeSpan.FromDays(8));

        var status = await world.ClickAsync(SlackActionIds.Undo, new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, Alert);

        Assert.Equal(200, status);
        Assert.Empty(world.Requests("/api/views.open"));
        Assert.StartsWith("Undo expired: it is offered for 7 days", Assert.Single(world.Notices()), StringComparison.Ordinal);
        var refusal = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal(InteractionResult.Refused, refusal.Result);
        Assert.Contains("after the undo window (7 days since", refusal.Reason, StringComparison.Ordinal);
        Assert.InRange(refusal.RecordedAt, world.Clock.GetUtcNow() - TimeSpan.FromSeconds(1), world.Clock.GetUtcNow());
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task Undo_of_a_remediation_already_undone_is_refused_on_the_click_without_a_modal()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var value = new SlackActionValue(eventId, AdminPortsPolicy, groupId);
        Assert.Equal((200, ""), await world.UndoAsync(value, SlackApprovalWorld.UndoUser, "vendor needs SSH", Alert));

        var status = await world.ClickAsync(SlackActionIds.Undo, value, SlackApprovalWorld.UndoUser, Alert);

        Assert.Equal(200, status);
        Assert.Single(world.Requests("/api/views.open"));
        Assert.Contains("Already undone: undone by", Assert.Single(world.Notices()), StringComparison.Ordinal);
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None);
        Assert.Equal([InteractionResult.ModalOpened, InteractionResult.Refused, InteractionResult.Undone], clicks.Select(c => c.Result).OrderBy(r => r.ToString(), StringComparer.Ordinal));
        Assert.Contains("nothing to undo: the decision is Undone", Assert.Single(clicks, c => c.Result == InteractionResult.Refused).Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
    }

    [Fact]
    public async Task Undo_by_someone_not_allowed_is_refused_on_the_click_and_a_permitted_click_still_opens_the_modal()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var value = new SlackActionValue(eventId, AdminPortsPolicy, groupId);

        await world.ClickAsync(SlackActionIds.Undo, value, "U0DEVELOPER", Alert);
        var refusedOpens = world.Requests("/api/views.open").Count;
        await world.ClickAsync(SlackActionIds.Undo, value, SlackApprovalWorld.UndoUser, Alert);

        Assert.Equal(0, refusedOpens);
        Assert.Single(world.Requests("/api/views.open"));
        Assert.Contains("Only approvers of", Assert.Single(world.Notices()), StringComparison.Ordinal);
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None);
        Assert.Equal(["U0DEVELOPER:Refused", $"{SlackApprovalWorld.UndoUser}:ModalOpened"], clicks.Select(c => $"{c.UserId}:{c.Result}").Order(StringComparer.Ordinal));
    }
}
