using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Organizations;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Sweep;
using OpsBot.Functions.Tests.Aws;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

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

        Assert.Contains(result.Errors, e => e.StartsWith($"{RemediationWorld.MemberAccount} no-such-region-1 ", StringComparison.Ordinal));
        Assert.Empty(await world.IngressRulesAsync(violating));
    }

    [Fact]
    public async Task A_sweep_covers_the_accounts_organizations_lists_and_leaves_out_the_central_account()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var accounts = new MotoAccounts(moto);
        var management = MotoAccounts.NewAccountId();
        var managementCredentials = await accounts.CredentialsForAsync(management);
        using var transport = new SocketsHttpHandler();
        var member = Assert.Single(await accounts.CreateOrganizationAsync(managementCredentials, transport, 1));
        var (groupId, ec2) = await CreateViolatingGroupAsync(world, accounts, member);
        using var organization = new OrganizationsClient(new SignedHttpClientFactory(managementCredentials, accounts.Endpoints, transport));
        using var sessions = Sessions(world);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, Unpaced, TimeProvider.System, new SweepAccountSource(organization, new FixedCentralAccount(management), []));

        var result = await sweep.SweepAllAsync([RemediationWorld.Region], CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("organizations", result.AccountSource);
        Assert.Equal([member], result.Accounts);
        Assert.Empty(result.Errors);
        Assert.Empty(await IngressAsync(ec2, groupId));
    }

    [Fact]
    public async Task When_organizations_cannot_list_the_accounts_the_listed_ones_are_swept_and_the_reason_is_kept()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var accounts = new MotoAccounts(moto);
        var listed = MotoAccounts.NewAccountId();
        var (groupId, ec2) = await CreateViolatingGroupAsync(world, accounts, listed);
        using var transport = new SocketsHttpHandler();
        using var organization = new OrganizationsClient(new SignedHttpClientFactory(await accounts.CredentialsForAsync(MotoAccounts.NewAccountId()), accounts.Endpoints, transport));
        using var sessions = Sessions(world);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, Unpaced, TimeProvider.System, new SweepAccountSource(organization, sessions, [listed]));

        var result = await sweep.SweepAllAsync([RemediationWorld.Region], CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("configured", result.AccountSource);
        Assert.Equal([listed], result.Accounts);
        Assert.Contains(result.Errors, e => e.StartsWith("organizations:", StringComparison.Ordinal));
        Assert.Empty(await IngressAsync(ec2, groupId));
    }

    [Fact]
    public async Task An_exemption_whose_day_has_passed_is_remediated_by_the_next_sweep_and_one_still_running_is_not()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var accounts = new MotoAccounts(moto);
        var account = MotoAccounts.NewAccountId();
        var (expired, ec2) = await CreateViolatingGroupAsync(world, accounts, account);
        var (running, second) = await CreateViolatingGroupAsync(world, accounts, account);
        second.Dispose();
        var today = DateTime.UtcNow;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [expired], Tags = [new Tag("opsbot:exempt-until", today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new Tag("opsbot:exempt-reason", "migration window")] });
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [running], Tags = [new Tag("opsbot:exempt-until", today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))] });
        using var sessions = Sessions(world);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, Unpaced, TimeProvider.System);

        var result = await sweep.SweepAsync([account], [RemediationWorld.Region], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Empty(await IngressAsync(ec2, expired));
        Assert.NotEmpty(await IngressAsync(ec2, running));
        ec2.Dispose();
    }

    [Fact]
    public async Task Policies_marked_sweep_false_are_left_to_events()
    {
        // A new account's default VPC has a default group with EC2's allow-all egress rule, which
        // the default-group policies (sweep: false) would otherwise hold for approval.
        await using var world = await RemediationWorld.CreateAsync(moto);
        var account = await AccountWithViolationsAsync(world, 0);
        using var sessions = Sessions(world);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, Unpaced, TimeProvider.System);

        var result = await sweep.SweepAsync([account], [RemediationWorld.Region], CancellationToken.None);

        Assert.True(result.Resources > 0, "the account has its default group");
        Assert.Equal((0, 0), (result.Violating, result.Acted));
        Assert.Contains(world.Runtime.Policies.All, p => p.Id == "ec2-sg-default-group-egress" && !p.Sweep);
    }

    [Fact]
    public async Task Remediations_in_one_account_and_region_are_spaced_by_the_action_interval()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var account = await AccountWithViolationsAsync(world, 3);
        using var sessions = Sessions(world);
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, new SweepOptions { ActionInterval = TimeSpan.FromSeconds(1) }, clock);

        var result = await sweep.SweepAsync([account], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal((3, (string?)null), (result.Acted, result.StoppedEarly));
        // A wait is paid before the next resource read after a remediation: one per remediation at most,
        // and only the last one may go without (when nothing of any swept type follows it).
        Assert.InRange(clock.Waits.Count, 2, 3);
        Assert.All(clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_sweep_stops_before_its_time_budget_runs_out_and_says_so()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var account = await AccountWithViolationsAsync(world, 3);
        using var sessions = Sessions(world);
        var options = new SweepOptions { ActionInterval = TimeSpan.FromSeconds(1), TimeBudget = TimeSpan.FromSeconds(1.5) };
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, options, new VirtualClock(DateTimeOffset.UnixEpoch));

        var result = await sweep.SweepAsync([account], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(2, result.Acted);
        Assert.Contains("time budget", result.StoppedEarly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_hands_no_more_groups_to_the_pipeline_than_its_limit()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var account = await AccountWithViolationsAsync(world, 2);
        using var sessions = Sessions(world);
        var sweep = new MissedViolationSweep(world.Runtime.Pipeline, sessions, Unpaced with { MaxGroups = 1 }, TimeProvider.System);

        var result = await sweep.SweepAsync([account], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(1, result.Resources);
        Assert.Contains("limit of 1 resources", result.StoppedEarly, StringComparison.Ordinal);
    }

    private static SweepOptions Unpaced { get; } = new() { ActionInterval = TimeSpan.Zero };

    private static AssumeRoleSessions Sessions(RemediationWorld world) =>
        new(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);

    private async Task<string> AccountWithViolationsAsync(RemediationWorld world, int groups)
    {
        var accounts = new MotoAccounts(moto);
        var account = MotoAccounts.NewAccountId();
        for (var i = 0; i < groups; i++)
        {
            var (_, ec2) = await CreateViolatingGroupAsync(world, accounts, account);
            ec2.Dispose();
        }

        return account;
    }

    private static async Task<(string GroupId, IAmazonEC2 Ec2)> CreateViolatingGroupAsync(RemediationWorld world, MotoAccounts accounts, string account)
    {
        var ec2 = world.Runtime.Clients.CreateEc2(await accounts.CredentialsForAsync(account), RemediationWorld.Region);
        var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("legacy-" + Guid.NewGuid().ToString("N")[..6], "OpsBot test group"));
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = created.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        return (created.GroupId, ec2);
    }

    private static async Task<IReadOnlyList<SecurityGroupRule>> IngressAsync(IAmazonEC2 ec2, string groupId)
    {
        var response = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] });
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true)];
    }

    // The member account is shared by the tests on this moto server; only this test's group counts.
    private static async Task<List<ReceivedAlert>> AlertsFor(RemediationWorld world, string groupId) =>
        [.. (await world.DrainAlertsAsync()).Where(a => a.Message.GetProperty("resourceId").GetString() == groupId)];
}
