using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Interactions;

namespace OpsBot.Functions.Tests.Slack.Interactions;

public sealed class SlackClickReaderTests
{
    private const string Click = """{"type":"block_actions","user":{"id":"U0APPROVER1","username":"ann"},"response_url":"https://hooks.slack.com/actions/T0/1/abc","container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C0ALERTS"},"actions":[{"action_id":"opsbot_approve","block_id":"opsbot_actions","value":"evt-1|ec2-sg-admin-ports-public|sg-0123"}]}""";

    [Fact]
    public void Reads_who_clicked_which_button_on_which_message_about_what()
    {
        var click = SlackClickReader.Read("payload=" + Uri.EscapeDataString(Click));

        Assert.Equal((ClickKind.Approve, "U0APPROVER1"), (click.Kind, click.UserId));
        Assert.Equal(("evt-1", "ec2-sg-admin-ports-public", "sg-0123"), (click.Target.EventId, click.Target.PolicyId, click.Target.ResourceId));
        Assert.Equal(("C0ALERTS", "1700000000.000001"), (click.Message!.Channel, click.Message.Ts));
        Assert.Equal("https://hooks.slack.com/actions/T0/1/abc", click.ResponseUrl!.ToString());
    }

    [Fact]
    public void Reads_a_payload_whose_spaces_are_form_encoded_as_plus()
    {
        var click = SlackClickReader.Read("payload=" + Uri.EscapeDataString(Click.Replace("\"ann\"", "\"ann smith\"", StringComparison.Ordinal)).Replace("%20", "+", StringComparison.Ordinal));

        Assert.Equal("U0APPROVER1", click.UserId);
    }

    [Theory]
    [InlineData("token=x&team_id=T0", "the body has no 'payload' form field")]
    [InlineData("payload=%7Bnot-json", "the payload is not valid JSON")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%7D", "interaction type 'view_submission' is not handled (only block_actions)")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%5D%7D", "the payload has no user.id")]
    public void Refuses_a_body_that_is_not_a_button_click_saying_why(string body, string expected)
    {
        var error = Assert.Throws<MalformedInteractionException>(() => SlackClickReader.Read(body));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"opsbot_approve\"", "\"evt-1|only-two\"", "button value 'evt-1|only-two' is not eventId|policyId|resourceId")]
    [InlineData("\"somebody_elses_button\"", "\"evt-1|p|sg\"", "action_id 'somebody_elses_button' is not an OpsBot button")]
    public void Refuses_a_click_on_a_button_it_did_not_make(string actionId, string value, string expected)
    {
        var json = Click.Replace("\"opsbot_approve\"", actionId, StringComparison.Ordinal).Replace("\"evt-1|ec2-sg-admin-ports-public|sg-0123\"", value, StringComparison.Ordinal);

        var error = Assert.Throws<MalformedInteractionException>(() => SlackClickReader.Read("payload=" + Uri.EscapeDataString(json)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Reads_an_exempt_click_with_its_trigger_id()
    {
        var json = Click.Replace("\"opsbot_approve\"", "\"opsbot_exempt\"", StringComparison.Ordinal).Replace("\"response_url\"", "\"trigger_id\":\"1337.42.abc\",\"response_url\"", StringComparison.Ordinal);

        var click = SlackClickReader.Read("payload=" + Uri.EscapeDataString(json));

        Assert.Equal((ClickKind.Exempt, "1337.42.abc"), (click.Kind, click.TriggerId));
    }
}
