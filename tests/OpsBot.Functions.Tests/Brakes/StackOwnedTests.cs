using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// <c>remediation.fight.stackOwned: approve</c> on moto: the shipped snapshot policy, in enforce mode,
/// asks a human before changing a snapshot that a CloudFormation stack owns, and acts at once on any other.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StackOwnedTests(MotoServer moto) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-stack-owned-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_stack_owned_snapshot_goes_to_approval_and_another_is_fixed_at_once()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "ec2-snapshot-public.yaml"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "ec2-snapshot-public.yaml"), shipped.Replace(
            "  mode: enforce",
            $"  mode: enforce\n  approvers: [{SlackApprovalWorld.UndoUser}]\n  fight: {{stackOwned: approve}}",
            StringComparison.Ordinal));
        await using var world = await BrakesWorld.CreateAsync(moto, policies: PolicySet.Load(_folder));
        var owned = await world.CreateSnapshotAsync(("aws:cloudformation:stack-name", "data-prod"));
        var loose = await world.CreateSnapshotAsync();

        var ownedAudit = await world.OpenAndProcessAsync(owned);
        var looseAudit = await world.OpenAndProcessAsync(loose);

        var decision = Assert.Single(ownedAudit.Decisions);
        Assert.Equal((AuditOutcome.PendingApproval, "approve"), (decision.Outcome, decision.Mode));
        Assert.Contains("CloudFormation stack 'data-prod'", decision.Reason, StringComparison.Ordinal);
        Assert.True(await world.IsPublicAsync(owned));
        Assert.NotNull(await world.Runtime.StateStore.ReadPendingActionAsync(ownedAudit.EventId, decision.PolicyId, owned, CancellationToken.None));
        Assert.Equal(AuditOutcome.Remediated, looseAudit.Outcome);
        Assert.False(await world.IsPublicAsync(loose));
    }
}
