using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>Every golden message, and messages built from oversized input, are valid Block Kit.</summary>
public sealed class BlockKitValidityTests
{
    public static TheoryData<string> GoldenFiles => [.. GoldenFile.All().Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_message_is_valid_Block_Kit(string file)
    {
        var problems = BlockKitValidator.Validate(File.ReadAllText(Path.Combine(GoldenFile.Directory, file)));

        Assert.Empty(problems);
    }

    [Fact]
    public void An_oversized_alert_is_truncated_to_valid_Block_Kit()
    {
        var message = SlackMessages.Alert(Oversized(AuditOutcome.Remediated));

        Assert.Empty(BlockKitValidator.Validate(message.ToJson()));
    }

    [Fact]
    public void An_oversized_approval_request_is_truncated_to_valid_Block_Kit()
    {
        var facts = Oversized(AuditOutcome.PendingApproval);
        var approvers = Enumerable.Range(0, 300).Select(i => $"U{i:D10}").ToList();
        var message = SlackMessages.ApprovalRequest(new SlackApprovalRequest(facts, facts.Matched, approvers, SlackMessageSamples.Now.AddHours(1)));

        Assert.Empty(BlockKitValidator.Validate(message.ToJson()));
    }

    [Theory]
    [InlineData(SlackResultKind.Approved)]
    [InlineData(SlackResultKind.AlreadyCompliant)]
    [InlineData(SlackResultKind.Denied)]
    [InlineData(SlackResultKind.Expired)]
    [InlineData(SlackResultKind.Failed)]
    [InlineData(SlackResultKind.Undone)]
    public void An_oversized_result_update_is_truncated_to_valid_Block_Kit(SlackResultKind kind)
    {
        var message = SlackMessages.ResultUpdate(new(kind, Oversized(AuditOutcome.Remediated), SlackMessageSamples.Now, "U0123ABCD", new string('r', 20_000), OfferUndo: true));

        Assert.Empty(BlockKitValidator.Validate(message.ToJson()));
    }

    [Fact]
    public void Truncation_says_how_many_elements_were_left_out()
    {
        var text = GoldenFile.Normalise(SlackMessages.Alert(Oversized(AuditOutcome.Notified)).ToJson());

        Assert.Matches(@"… and 4\d\d more", text);
    }

    [Fact]
    public void The_validator_catches_what_it_checks()
    {
        const string bad = """
            {"text":"x","blocks":[
              {"type":"image"},
              {"type":"header","text":{"type":"mrkdwn","text":"x"}},
              {"type":"actions","elements":[
                {"type":"button","text":{"type":"plain_text","text":"a"},"action_id":"same"},
                {"type":"button","text":{"type":"plain_text","text":"b"},"action_id":"same"}]}]}
            """;

        var problems = BlockKitValidator.Validate(bad);

        Assert.Contains(problems, p => p.Contains("'image'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("blocks[1].text.type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("used twice", StringComparison.Ordinal));
    }

    private static SlackAlertFacts Oversized(AuditOutcome outcome)
    {
        var huge = new string('x', 10_000);
        var elements = Enumerable.Range(0, 500)
            .Select(i => new AuditPermission("ingress", "tcp", i, i, "Ipv4Cidr", "0.0.0.0/0", $"sgr-{i:D17}", "<!channel> " + huge))
            .ToList();
        return SlackMessageSamples.Facts(outcome) with
        {
            PolicyTitle = "Title " + huge,
            PolicyId = "policy-" + new string('p', 3000),
            Condition = "rule.IsOpenToInternet && " + huge,
            ResourceId = "sg-" + new string('0', 5000),
            Actor = new AuditActor("arn:" + huge, "AssumedRole", "111122223333", "203.0.113.7 " + huge, "<!here> " + huge),
            Matched = elements,
            Revoked = outcome == AuditOutcome.Remediated ? elements : [],
            Reason = "reason " + huge,
            Explanation = [.. Enumerable.Range(0, 200).Select(i => $"line {i} {huge}")],
        };
    }
}
