using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped network ACL policies end to end on moto: a real-shaped CloudTrail event, the
/// member account reached through the assumed remediation role, the entry deleted there, the audit
/// record, and undo through the approval workflow the Slack buttons drive.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NetworkAclRemediationTests(MotoServer moto)
{
    private const string Policy = "ec2-nacl-internet-admin-db-ports";

    [Fact]
    public async Task An_ssh_entry_open_to_the_internet_is_deleted_and_only_it_and_undo_recreates_it_exactly()
    {
        await using var world = await NetworkAclWorld.CreateAsync(moto);
        var acl = await world.CreateAclAsync();
        await world.AddAsync(acl, 100, false, "6", "allow", "0.0.0.0/0", 22, 22);
        await world.AddAsync(acl, 110, false, "6", "allow", "10.0.0.0/8", 22, 22);
        await world.AddAsync(acl, 120, false, "6", "allow", "0.0.0.0/0", 443, 443);
        await world.AddAsync(acl, 100, true, "6", "allow", "0.0.0.0/0", 22, 22);
        var before = await world.EntriesAsync(acl);

        var audit = await world.ProcessAsync("nacl-create-entry-ssh-world", acl);

        var after = await world.EntriesAsync(acl);
        Assert.Equal(before.Where(e => e != "ingress 100 6 22-22 0.0.0.0/0 allow"), after);
        Assert.Equal(before.Count - 1, after.Count);
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal((Policy, acl, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(["#100 inbound allow tcp 22-22 from 0.0.0.0/0"], change.Elements);
        Assert.Equal("""{"Entries":[{"RuleNumber":100,"Egress":false,"Protocol":"6","RuleAction":"allow","CidrBlock":"0.0.0.0/0","PortRange":{"From":22,"To":22}}]}""", change.Before);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, acl), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.EntriesAsync(acl));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task An_ssh_allow_behind_a_lower_numbered_deny_is_left_alone()
    {
        await using var world = await NetworkAclWorld.CreateAsync(moto);
        var acl = await world.CreateAclAsync();
        await world.AddAsync(acl, 90, false, "6", "deny", "0.0.0.0/0", 0, 1023);
        await world.AddAsync(acl, 100, false, "6", "allow", "0.0.0.0/0", 22, 22);
        var before = await world.EntriesAsync(acl);

        var audit = await world.ProcessAsync("nacl-create-entry-ssh-world", acl);

        Assert.Equal(before, await world.EntriesAsync(acl));
        Assert.NotEqual(AuditOutcome.Remediated, audit.Outcome);
        Assert.DoesNotContain(audit.Decisions, d => d.Changes is { Count: > 0 });
    }
}
