using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped image policy end to end on moto: a real-shaped ModifyImageAttribute event, the member
/// account reached through the assumed remediation role, the group 'all' launch permission removed
/// there with the account share kept, the audit record, and undo through the approval workflow.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Ec2ImageRemediationTests(MotoServer moto)
{
    private const string Partner = "444455556666";

    [Fact]
    public async Task A_public_image_loses_only_its_group_all_launch_permission_and_undo_puts_it_back()
    {
        await using var world = await Ec2SharingWorld.CreateAsync(moto);
        var image = await world.RegisterImageAsync(("team", "platform"));
        await world.MemberEc2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = image,
            LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = Partner }, new LaunchPermission { Group = PermissionGroup.All }] },
        });
        var before = await world.ImagePermissionsAsync(image);
        Assert.Equal([$"account {Partner}", "group all"], before);

        var audit = await world.ProcessAsync("ec2-image-public", "imageId", image);

        Assert.Equal([$"account {Partner}"], await world.ImagePermissionsAsync(image));
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("ec2-image-public", image, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(["group all"], change.Elements);
        Assert.Contains("""{"Group":"all"}""", change.Before, StringComparison.Ordinal);
        Assert.Contains($$"""{"UserId":"{{Partner}}"}""", change.Before, StringComparison.Ordinal);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, image), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.ImagePermissionsAsync(image));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task An_image_shared_with_one_account_is_left_alone()
    {
        await using var world = await Ec2SharingWorld.CreateAsync(moto);
        var image = await world.RegisterImageAsync();
        await world.MemberEc2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = image,
            LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = Partner }] },
        });

        var audit = await world.ProcessAsync("ec2-image-share-account", "imageId", image);

        Assert.DoesNotContain(audit.Decisions, d => d.Changes is { Count: > 0 });
        Assert.Equal([$"account {Partner}"], await world.ImagePermissionsAsync(image));
    }
}
