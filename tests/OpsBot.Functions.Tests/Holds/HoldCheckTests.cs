using OpsBot.Functions.Audit;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Resources.SecurityGroup;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>What a hold takes out of a decision: the held rules by shape, nothing once it has ended, every element when it names none.</summary>
public sealed class HoldCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Policy> AdminPorts = new(() => PolicySet.Load(Integration.RepositoryPaths.Policies).Find("ec2-sg-admin-ports-public")!);

    private static PermissionFact Rule(int port, string id) => new() { Direction = TrafficDirection.Ingress, Protocol = "tcp", FromPort = port, ToPort = port, SourceKind = SourceKind.Ipv4Cidr, Source = "0.0.0.0/0", RuleId = id, Description = "" };

    private static PolicyDecision Decision(params PermissionFact[] rules) => new(AdminPorts.Value, "sg-1", rules, []);

    private static ResourceHold Hold(DateTimeOffset until, params PermissionFact[] rules) =>
        new(HoldKind.Suppression, "h1", "111111111111", "us-east-1", "sg-1", "ec2-sg-admin-ports-public", HoldCheck.ByShape(rules.Select(r => AuditPermission.From(r))), [], "U0SECOPS", "vendor", Now.AddHours(-1), until, "evt-1");

    [Fact]
    public void A_live_suppression_holds_the_restored_rule_even_under_a_new_rule_id_and_leaves_the_others()
    {
        IResourceAdapter adapter = new SecurityGroupAdapter();
        var (remaining, reason) = HoldCheck.Apply(Decision(Rule(22, "sgr-new"), Rule(3389, "sgr-rdp")), adapter, [Hold(Now.AddHours(1), Rule(22, "sgr-old"))], Now);

        Assert.Equal([3389], remaining!.Elements.Cast<PermissionFact>().Select(r => r.FromPort));
        Assert.StartsWith("1 element(s) not remediated: suppressed until 2026-12-03 07:00:00 UTC by U0SECOPS (undo: vendor; audit evt-1)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ended_hold_holds_nothing()
    {
        var decision = Decision(Rule(22, "sgr-new"));

        var (remaining, reason) = HoldCheck.Apply(decision, new SecurityGroupAdapter(), [Hold(Now, Rule(22, "sgr-old"))], Now);

        Assert.Same(decision, remaining);
        Assert.Equal("", reason);
    }

    [Fact]
    public void A_hold_naming_no_elements_holds_the_whole_decision()
    {
        var (remaining, reason) = HoldCheck.Apply(Decision(Rule(22, "a"), Rule(23, "b")), new SecurityGroupAdapter(), [Hold(Now.AddDays(1)) with { Kind = HoldKind.Exemption }], Now);

        Assert.Null(remaining);
        Assert.StartsWith("2 element(s) not remediated: exempted until", reason, StringComparison.Ordinal);
    }
}
