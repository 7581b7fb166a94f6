using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Rules.Tests.Resources.NetworkAcl;

internal static class Entries
{
    public static NetworkAclEntryFact Allow(int number, string cidr, int from, int to, string protocol = "tcp") =>
        new() { RuleNumber = number, Egress = false, Protocol = protocol, FromPort = from, ToPort = to, Cidr = cidr, RuleAction = "allow" };

    public static NetworkAclEntryFact Deny(int number, string cidr, int from, int to, string protocol = "tcp") =>
        new() { RuleNumber = number, Egress = false, Protocol = protocol, FromPort = from, ToPort = to, Cidr = cidr, RuleAction = "deny" };

    public static NetworkAclEntryFact AllTraffic(int number, string cidr, string action) =>
        new() { RuleNumber = number, Egress = false, Protocol = "-1", Cidr = cidr, RuleAction = action };

    public static NetworkAclFact Acl(params NetworkAclEntryFact[] entries) =>
        NetworkAclFactBuilder.Build(new NetworkAclFact { Id = "acl-0c1d2e3f4a5b60718" }, entries);

    public static NetworkAclEntryFact Rule(this NetworkAclFact acl, int number) => acl.Ingress.Single(e => e.RuleNumber == number);
}
