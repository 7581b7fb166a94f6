using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>Fixed facts for the golden messages: a developer opening SSH and RDP to the internet.</summary>
internal static class SlackMessageSamples
{
    public static readonly DateTimeOffset EventTime = new(2025, 3, 4, 11, 58, 12, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    public static readonly AuditPermission Ssh = new("ingress", "tcp", 22, 22, "Ipv4Cidr", "0.0.0.0/0", "sgr-0a1b2c3d4e5f60718", "temp ssh");

    public static readonly AuditPermission Rdp = new("ingress", "tcp", 3389, 3389, "Ipv6Cidr", "::/0", "sgr-0b2c3d4e5f6071829", "");

    public static SlackAlertFacts Facts(AuditOutcome outcome) => new()
    {
        EventId = "6f1c2d3e-0000-4a5b-9c8d-112233445566",
        Outcome = outcome,
        PolicyId = "ec2-sg-admin-ports-public",
        PolicyTitle = "Admin ports must not be open to the internet",
        Severity = "high",
        Mode = outcome switch
        {
            AuditOutcome.Notified => "notify",
            AuditOutcome.PendingApproval => "approve",
            _ => "enforce",
        },
        Condition = "rule.IsOpenToInternet && rule.OverlapsAny(22, 3389)",
        Account = "111122223333",
        Region = "eu-west-1",
        ResourceId = "sg-0123456789abcdef0",
        EventName = "AuthorizeSecurityGroupIngress",
        EventTime = EventTime,
        Actor = new AuditActor("arn:aws:sts::111122223333:assumed-role/Developer/alice", "AssumedRole", "111122223333", "203.0.113.7", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64"),
        Matched = [Ssh, Rdp],
        Revoked = outcome == AuditOutcome.Remediated ? [Ssh, Rdp] : [],
        CompliantAfter = outcome == AuditOutcome.Remediated ? true : null,
        Reason = outcome switch
        {
            AuditOutcome.Remediated => "revoked 2 rule(s)",
            AuditOutcome.Notified => "mode notify: alert only",
            AuditOutcome.PendingApproval => "approval requested from U0123ABCD, S0456EFGH until 2025-03-04 13:00:00Z: 2 rule(s) to revoke",
            AuditOutcome.Failed => "RevokeSecurityGroupIngress: UnauthorizedOperation (the remediation role lacks ec2:RevokeSecurityGroupIngress)",
            _ => "",
        },
        Explanation =
        [
            "matched rule.IsOpenToInternet && rule.OverlapsAny(22, 3389)",
            "ingress tcp 22 from 0.0.0.0/0 (sgr-0a1b2c3d4e5f60718): open to the internet, admits port 22",
            "ingress tcp 3389 from ::/0 (sgr-0b2c3d4e5f6071829): open to the internet, admits port 3389",
        ],
    };

    public static SlackApprovalRequest Approval() =>
        new(Facts(AuditOutcome.PendingApproval), [Ssh, Rdp], ["U0123ABCD", "S0456EFGH"], Now.AddHours(1));

    public static SlackAlertFacts Settled(AuditOutcome outcome, bool? compliantAfter) =>
        Facts(AuditOutcome.PendingApproval) with
        {
            Outcome = outcome,
            Revoked = outcome == AuditOutcome.Remediated ? [Ssh, Rdp] : [],
            CompliantAfter = compliantAfter,
        };
}
