using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using Amazon.Runtime;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>Session names carry the function and the audit id within STS's rules, and read back into them.</summary>
public sealed class SessionPurposeTests
{
    private const string EventId = "3f0c8e2a-6b1d-4c55-9a07-1e2d3c4b5a69";

    [Theory]
    [InlineData(OpsBotFunction.EventHandler, "opsbot-events-" + EventId)]
    [InlineData(OpsBotFunction.Sweeper, "opsbot-sweeper-" + EventId)]
    [InlineData(OpsBotFunction.SlackInteractions, "opsbot-slack-" + EventId)]
    public void The_session_name_carries_the_function_and_the_audit_id(OpsBotFunction function, string expected)
    {
        var name = new SessionPurpose(function, EventId).RoleSessionName;

        Assert.Equal(expected, name);
        Assert.True(SessionPurpose.TryParse(name, out var parsed, out var auditId));
        Assert.Equal(function, parsed);
        Assert.Equal(EventId, auditId);
    }

    [Fact]
    public void A_sweep_finding_id_fits_whole()
    {
        var id = "sweep-" + new string('a', 32);

        Assert.Equal("opsbot-sweeper-" + id, SessionPurpose.Sweeper(id).RoleSessionName);
    }

    [Fact]
    public void Characters_sts_refuses_are_replaced_and_the_name_is_cut_at_64()
    {
        var name = SessionPurpose.EventHandler("message:a b/c#" + new string('x', 80)).RoleSessionName;

        Assert.Equal(SessionPurpose.MaxLength, name.Length);
        Assert.Matches(@"^[\w+=,.@-]+$", name);
        Assert.StartsWith("opsbot-events-message-a-b-c-x", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("opsbot-remediation")]
    [InlineData("opsbot-events-")]
    [InlineData("mallory")]
    [InlineData("opsbot-undo-" + EventId)]
    public void Other_names_are_not_read_as_opsbot_sessions(string name) =>
        Assert.False(SessionPurpose.TryParse(name, out _, out _));

    [Theory]
    [InlineData("U0123ABCD", "U0123ABCD")]
    [InlineData(" W0AB12 ", "W0AB12")]
    [InlineData("U 01/23", "U-01-23")]
    [InlineData("U", null)]
    [InlineData("aws:U0123", "aws-U0123")]
    [InlineData("", null)]
    public void The_source_identity_is_the_slack_user_made_valid_for_sts(string user, string? expected) =>
        Assert.Equal(expected, SessionPurpose.SlackInteraction(EventId, user).StsSourceIdentity);

    [Fact]
    public void The_event_handlers_request_carries_the_restore_denying_policy_and_no_source_identity()
    {
        using var sessions = Sessions();

        var request = sessions.RequestFor("111111111111", SessionPurpose.EventHandler(EventId));

        Assert.Equal("arn:aws:iam::111111111111:role/" + OpsBotSettings.DefaultMemberRoleName, request.RoleArn);
        Assert.Equal("opsbot-events-" + EventId, request.RoleSessionName);
        Assert.Equal(RestoreDenyingSessionPolicy.Shipped, request.Policy);
        Assert.Null(request.SourceIdentity);
    }

    [Fact]
    public void The_sweepers_request_carries_the_restore_denying_policy()
    {
        using var sessions = Sessions();

        Assert.Equal(RestoreDenyingSessionPolicy.Shipped, sessions.RequestFor("111111111111", SessionPurpose.Sweeper("scan")).Policy);
    }

    [Fact]
    public void An_undo_request_may_restore_and_names_the_slack_user()
    {
        using var sessions = Sessions();

        var request = sessions.RequestFor("111111111111", SessionPurpose.SlackInteraction(EventId, "U0123ABCD"));

        Assert.Null(request.Policy);
        Assert.Equal("U0123ABCD", request.SourceIdentity);
        Assert.Equal("opsbot-slack-" + EventId, request.RoleSessionName);
    }

    private static AssumeRoleSessions Sessions() =>
        new(new AwsClientFactory(new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), new Uri("http://127.0.0.1:9")), new BasicAWSCredentials("test", "test")), "us-east-1", OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
}
