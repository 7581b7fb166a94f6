using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>
/// An egress policy whose <c>when</c> matches the allow-all egress rule that EC2 gives every new
/// group (all traffic to 0.0.0.0/0 and ::/0): <c>rule.IsOpenToInternet &amp;&amp; rule.Includes(25)</c>
/// reads as "SMTP to the internet", but all traffic includes port 25, so enforcing it would cut all
/// outbound traffic of every group it sees. Found by evaluating the condition against that rule.
/// </summary>
internal sealed class DefaultEgressCheck : IPolicyCheck
{
    public string Name => "default-egress";

    public string Summary => "the egress condition matches the default allow-all egress rule (all traffic to 0.0.0.0/0 and ::/0) of every group";

    public string? Inspect(PolicyCheckSubject subject)
    {
        if (PermissionProbe.For(subject) is not { Direction: TrafficDirection.Egress } probe)
        {
            return null;
        }

        var matched = probe.Matching(
        [
            probe.Element(IpProtocol.All, -1, -1, SourceKind.Ipv4Cidr, "0.0.0.0/0"),
            probe.Element(IpProtocol.All, -1, -1, SourceKind.Ipv6Cidr, "::/0"),
        ]);
        return matched.Count == 0 ? null
            : $"'when' matches the default egress rule every security group has ({string.Join(" and ", matched.Select(m => m.Source))}, all traffic): " +
              "remediating it cuts all outbound traffic of the group; all traffic includes every port, so add `!rule.IsAllTraffic` " +
              "or compare ports directly (`rule.FromPort <= 25 && rule.ToPort >= 25 && rule.Protocol == \"tcp\"`)";
    }
}
