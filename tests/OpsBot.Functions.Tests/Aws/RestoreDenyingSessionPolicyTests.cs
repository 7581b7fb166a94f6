using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Resources;
using OpsBot.Rules.Actions;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>
/// The session policy of the event handler's and the sweeper's member sessions denies every restore
/// action every adapter declares, walked from the adapters themselves, and leaves every fix allowed.
/// </summary>
public sealed class RestoreDenyingSessionPolicyTests
{
    private static readonly SessionPolicyEvaluator Shipped = new(RestoreDenyingSessionPolicy.Shipped);

    private static IEnumerable<(string Owner, RestorePermission Restore)> EveryRestore() =>
        ResourceAdapters.Default.All.SelectMany(a => a.RestorePermissions.Select(r => (a.ResourceType, r)))
            .Concat(Ec2SecurityGroupClient.RestorePermissions.Select(r => ("aws.ec2.security-group", r)));

    [Fact]
    public void Every_adapter_declares_what_its_undo_calls()
    {
        Assert.NotEmpty(ResourceAdapters.Default.All);
        Assert.All(ResourceAdapters.Default.All, a => Assert.True(a.RestorePermissions.Count > 0, $"{a.ResourceType} declares no restore permission"));
    }

    [Fact]
    public void Every_restore_action_is_one_the_member_role_grants()
    {
        // A misspelt action would be denied harmlessly while the real one stayed allowed.
        var granted = ActionRegistry.Default.All.SelectMany(a => a.IamPermissions).ToHashSet(StringComparer.Ordinal);

        Assert.All(EveryRestore(), r => Assert.True(granted.Contains(r.Restore.Action), $"{r.Owner}: {r.Restore.Action} is not granted by any action"));
    }

    [Fact]
    public void The_event_handlers_session_policy_denies_every_deniable_restore_of_every_adapter()
    {
        var deniable = EveryRestore().Where(r => r.Restore.IsDeniable).ToList();

        Assert.NotEmpty(deniable);
        Assert.All(deniable, r =>
        {
            var context = r.Restore.Condition is { } c ? new Dictionary<string, string> { [c.Key] = c.RestoreExample } : null;
            Assert.False(Shipped.Allows(r.Restore.Action, context), $"{r.Owner}: {r.Restore.Action} {r.Restore.Condition} is allowed");
        });
    }

    [Fact]
    public void The_session_policy_denies_authorizing_ingress_and_egress()
    {
        Assert.False(Shipped.Allows("ec2:AuthorizeSecurityGroupIngress"));
        Assert.False(Shipped.Allows("ec2:AuthorizeSecurityGroupEgress"));
    }

    [Fact]
    public void Every_restore_no_condition_can_tell_from_the_fix_says_why_and_stays_allowed()
    {
        var undeniable = EveryRestore().Where(r => !r.Restore.IsDeniable).ToList();

        Assert.All(undeniable, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Restore.Unenforceable));
            Assert.True(Shipped.Allows(r.Restore.Action), $"{r.Restore.Action} is denied, which would deny the fix too");
        });
    }

    [Fact]
    public void Every_permission_the_fixes_need_is_still_allowed_without_a_restore_condition()
    {
        var needed = ActionRegistry.Default.All.SelectMany(a => a.IamPermissions).Distinct(StringComparer.Ordinal).ToList();
        var restoredOnly = EveryRestore().Where(r => r.Restore.IsDeniable && r.Restore.Condition is null).Select(r => r.Restore.Action).ToHashSet(StringComparer.Ordinal);

        Assert.All(needed.Where(n => !restoredOnly.Contains(n)), n => Assert.True(Shipped.Allows(n), $"{n} is denied"));
    }

    [Theory]
    [InlineData("ec2:ModifySnapshotAttribute", "ec2:Remove/group", "all")]
    [InlineData("ec2:ModifyImageAttribute", "ec2:Remove/group", "all")]
    [InlineData("ec2:ModifyInstanceMetadataOptions", "ec2:MetadataHttpTokens", "required")]
    [InlineData("s3:PutBucketAcl", "s3:x-amz-grant-full-control", "id=\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"")]
    [InlineData("s3:PutBucketAcl", "s3:x-amz-acl", "private")]
    public void The_fix_itself_is_allowed(string action, string key, string value) =>
        Assert.True(Shipped.Allows(action, new Dictionary<string, string> { [key] = value }));

    [Theory]
    [InlineData("ec2:ModifySnapshotAttribute", "ec2:Add/group", "all")]
    [InlineData("ec2:ModifyInstanceMetadataOptions", "ec2:MetadataHttpTokens", "optional")]
    [InlineData("s3:PutBucketAcl", "s3:x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"")]
    [InlineData("s3:PutBucketAcl", "s3:x-amz-grant-write-acp", "id=\"abc\", uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")]
    public void Re_opening_with_the_same_action_is_denied(string action, string key, string value) =>
        Assert.False(Shipped.Allows(action, new Dictionary<string, string> { [key] = value }));

    [Fact]
    public void The_policy_fits_in_an_assume_role_request()
    {
        Assert.InRange(RestoreDenyingSessionPolicy.Shipped.Length, 1, RestoreDenyingSessionPolicy.MaxLength);
    }

    [Fact]
    public void A_policy_over_the_sts_limit_is_refused_with_its_size()
    {
        var many = Enumerable.Range(0, 200).Select(i => RestorePermission.Always($"ec2:MadeUpAction{i:000}"));

        var error = Assert.Throws<InvalidOperationException>(() => RestoreDenyingSessionPolicy.For(many));
        Assert.Contains("over STS's 2048", error.Message, StringComparison.Ordinal);
    }
}
