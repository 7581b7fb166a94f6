using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// The Block Kit JSON of every message kind, against the golden files in <c>Slack/Golden/</c>.
/// A mismatch writes <c>NAME.actual.json</c> beside the golden for review.
/// </summary>
public sealed class SlackMessagesGoldenTests
{
    public static TheoryData<string> Kinds => [.. Messages().Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Message_matches_its_golden_file(string kind)
    {
        GoldenFile.Verify(kind, Messages()[kind].ToJson());
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_message_kind()
    {
        var orphans = GoldenFile.All().Select(Path.GetFileNameWithoutExtension).Except(Messages().Keys);

        Assert.Empty(orphans);
    }

    internal static IReadOnlyDictionary<string, SlackMessage> Messages()
    {
        var at = SlackMessageSamples.Now.AddMinutes(12);
        return new SortedDictionary<string, SlackMessage>(StringComparer.Ordinal)
        {
            ["alert-remediated"] = SlackMessages.Alert(SlackMessageSamples.Facts(AuditOutcome.Remediated)),
            ["alert-notified"] = SlackMessages.Alert(SlackMessageSamples.Facts(AuditOutcome.Notified)),
            ["alert-failed"] = SlackMessages.Alert(SlackMessageSamples.Facts(AuditOutcome.Failed)),
            ["approval-request"] = SlackMessages.ApprovalRequest(SlackMessageSamples.Approval()),
            ["result-approved"] = SlackMessages.ResultUpdate(new(SlackResultKind.Approved, SlackMessageSamples.Settled(AuditOutcome.Remediated, true), at, "U0123ABCD", null, OfferUndo: true)),
            ["result-already-compliant"] = SlackMessages.ResultUpdate(new(SlackResultKind.AlreadyCompliant, SlackMessageSamples.Settled(AuditOutcome.Skipped, null), at, "U0123ABCD", "the matched rules are no longer on the group")),
            ["result-denied"] = SlackMessages.ResultUpdate(new(SlackResultKind.Denied, SlackMessageSamples.Settled(AuditOutcome.PendingApproval, null), at, "U0999ZZZZ")),
            ["result-expired"] = SlackMessages.ResultUpdate(new(SlackResultKind.Expired, SlackMessageSamples.Settled(AuditOutcome.PendingApproval, null), SlackMessageSamples.Now.AddHours(1))),
            ["result-failed"] = SlackMessages.ResultUpdate(new(SlackResultKind.Failed, SlackMessageSamples.Settled(AuditOutcome.Failed, null), at, "U0123ABCD", "RevokeSecurityGroupRules: UnauthorizedOperation")),
            ["result-exempted"] = SlackMessages.ResultUpdate(new(SlackResultKind.Exempted, SlackMessageSamples.Facts(AuditOutcome.Remediated), at, "U0777UNDO", "bastion until the VPN is live", OfferUndo: true, Until: at.AddDays(7))),
            ["result-undone"] = SlackMessages.ResultUpdate(new(SlackResultKind.Undone, SlackMessageSamples.Facts(AuditOutcome.Remediated), at, "U0777UNDO")),
        };
    }
}
