using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The member sessions OpsBot assumes on moto are named as the member account's CloudTrail will show
/// them (<c>assumed-role/ROLE/opsbot-FUNCTION-AUDITID</c>), and moto accepts the session policy and
/// the <c>SourceIdentity</c>. moto does not echo <c>SourceIdentity</c> back nor enforce the session
/// policy, so what it cannot show is tested on the request and on the policy document itself
/// (<c>SessionPurposeTests</c>, <c>RestoreDenyingSessionPolicyTests</c>).
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MemberSessionIdentityTests(MotoServer moto)
{
    public static TheoryData<OpsBotFunction> Functions => [OpsBotFunction.EventHandler, OpsBotFunction.Sweeper, OpsBotFunction.SlackInteractions];

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task The_caller_in_the_member_account_is_the_session_named_after_the_function_and_audit_record(OpsBotFunction function)
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var purpose = new SessionPurpose(function, Guid.NewGuid().ToString(), function == OpsBotFunction.SlackInteractions ? "U0APPROVER" : null);

        var arn = await CallerArnAsync(await sessions.MemberAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, purpose, CancellationToken.None));

        Assert.Equal($"arn:aws:sts::{RemediationWorld.MemberAccount}:assumed-role/{OpsBotSettings.DefaultMemberRoleName}/{purpose.RoleSessionName}", arn);
    }

    [Fact]
    public async Task Each_audit_record_gets_a_session_of_its_own_and_a_repeated_one_is_reused()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);

        var first = await sessions.MemberAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, SessionPurpose.EventHandler("e-1"), CancellationToken.None);
        var again = await sessions.MemberAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, SessionPurpose.EventHandler("e-1"), CancellationToken.None);
        var second = await sessions.MemberAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, SessionPurpose.EventHandler("e-2"), CancellationToken.None);

        Assert.Same(first, again);
        Assert.NotSame(first, second);
        Assert.EndsWith("/opsbot-events-e-2", await CallerArnAsync(second), StringComparison.Ordinal);
    }

    private static async Task<string> CallerArnAsync(MemberSession session)
    {
        var response = await session.Service("sts", "STS").PostQueryAsync("GetCallerIdentity", [new("Version", "2011-06-15")], CancellationToken.None);
        var xml = System.Xml.Linq.XDocument.Parse(response.Body);
        return xml.Descendants().Single(e => e.Name.LocalName == "Arn").Value;
    }
}
