using OpsBot.Rules.Resources.NetworkAcl;
using static OpsBot.Rules.Tests.Resources.NetworkAcl.Entries;

namespace OpsBot.Rules.Tests.Resources.NetworkAcl;

public class EvaluationOrderTests
{
    [Fact]
    public void An_allow_from_anywhere_with_no_deny_before_it_lets_the_internet_in()
    {
        var acl = Acl(Allow(100, "0.0.0.0/0", 22, 22), AllTraffic(32767, "0.0.0.0/0", "deny"));

        Assert.True(acl.Rule(100).IsEffectiveAllowFromInternet);
        Assert.True(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void An_allow_fully_covered_by_a_lower_numbered_deny_is_not_open()
    {
        var acl = Acl(Deny(90, "0.0.0.0/0", 0, 1023), Allow(100, "0.0.0.0/0", 22, 22));

        Assert.True(acl.Rule(100).IsOpenToInternet);
        Assert.False(acl.Rule(100).IsEffectiveAllowFromInternet);
        Assert.False(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void A_deny_numbered_after_the_allow_comes_too_late()
    {
        var acl = Acl(Allow(100, "0.0.0.0/0", 22, 22), Deny(110, "0.0.0.0/0", 22, 22));

        Assert.True(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void A_lower_numbered_deny_of_half_the_internet_leaves_the_allow_open()
    {
        var acl = Acl(Deny(90, "0.0.0.0/1", 22, 22), Allow(100, "0.0.0.0/0", 22, 22));

        Assert.True(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void Denies_that_together_cover_the_internet_close_the_allow()
    {
        var acl = Acl(Deny(80, "0.0.0.0/1", 22, 22), Deny(90, "128.0.0.0/1", 22, 22), Allow(100, "0.0.0.0/0", 22, 22));

        Assert.False(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void A_deny_of_some_ports_closes_only_those_ports_of_a_wider_allow()
    {
        var acl = Acl(Deny(90, "0.0.0.0/0", 22, 22), Allow(100, "0.0.0.0/0", 20, 25));

        var allow = acl.Rule(100);

        Assert.False(allow.AllowsFromInternet(22));
        Assert.True(allow.AllowsFromInternet(21));
        Assert.True(allow.AllowsFromInternet(23));
        Assert.Equal([new NetworkAclPortRange("tcp", 20, 21), new NetworkAclPortRange("tcp", 23, 25)], allow.InternetOpenPorts);
    }

    [Fact]
    public void A_udp_deny_does_not_close_a_tcp_allow()
    {
        var acl = Acl(Deny(90, "0.0.0.0/0", 0, 65535, "udp"), Allow(100, "0.0.0.0/0", 22, 22));

        Assert.True(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void An_all_traffic_deny_closes_every_allow_after_it()
    {
        var acl = Acl(AllTraffic(50, "0.0.0.0/0", "deny"), AllTraffic(100, "0.0.0.0/0", "allow"), Allow(110, "0.0.0.0/0", 3389, 3389));

        Assert.False(acl.Rule(100).IsEffectiveAllowFromInternet);
        Assert.False(acl.Rule(110).IsEffectiveAllowFromInternet);
    }

    [Fact]
    public void A_tcp_deny_of_every_port_leaves_an_all_traffic_allow_open_to_other_protocols_but_not_to_ssh()
    {
        var acl = Acl(Deny(90, "0.0.0.0/0", 0, 65535), AllTraffic(100, "0.0.0.0/0", "allow"));

        var allow = acl.Rule(100);

        Assert.True(allow.IsEffectiveAllowFromInternet);
        Assert.DoesNotContain(allow.InternetOpenPorts, r => r.Protocol == "tcp");
        Assert.Contains(allow.InternetOpenPorts, r => r.Protocol == "udp" && r.Includes(22));
    }

    [Fact]
    public void An_ipv4_deny_does_not_close_an_ipv6_allow()
    {
        var acl = Acl(Deny(90, "0.0.0.0/0", 5432, 5432), Allow(100, "::/0", 5432, 5432));

        Assert.True(acl.Rule(100).AllowsFromInternet(5432));
    }

    [Fact]
    public void An_allow_from_a_private_range_is_not_open()
    {
        var acl = Acl(Allow(100, "10.0.0.0/8", 22, 22));

        Assert.False(acl.Rule(100).IsOpenToInternet);
        Assert.False(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void A_deny_from_anywhere_is_never_an_allow_from_the_internet()
    {
        var acl = Acl(Deny(100, "0.0.0.0/0", 22, 22));

        Assert.True(acl.Rule(100).IsOpenToInternet);
        Assert.False(acl.Rule(100).IsEffectiveAllowFromInternet);
    }

    [Fact]
    public void Entries_are_ordered_by_rule_number_whatever_order_they_come_in()
    {
        var acl = Acl(AllTraffic(32767, "0.0.0.0/0", "deny"), Allow(100, "0.0.0.0/0", 22, 22), Deny(90, "0.0.0.0/0", 22, 22));

        Assert.Equal([90, 100, 32767], acl.Ingress.Select(e => e.RuleNumber));
        Assert.False(acl.Rule(100).AllowsFromInternet(22));
    }

    [Fact]
    public void An_icmp_deny_of_one_type_does_not_close_an_icmp_allow()
    {
        var deny = Deny(90, "0.0.0.0/0", 0, 0, "icmp") with { IcmpType = 8 };
        var acl = Acl(deny, Allow(100, "0.0.0.0/0", 0, 0, "icmp"));

        Assert.True(acl.Rule(100).IsEffectiveAllowFromInternet);
    }
}
