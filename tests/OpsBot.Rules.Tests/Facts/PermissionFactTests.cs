using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

public class PermissionFactTests
{
    [Fact]
    public void All_traffic_includes_every_port_and_covers_all_ports()
    {
        var element = Permissions.AllTraffic("0.0.0.0/0");

        Assert.True(element.Includes(22));
        Assert.True(element.OverlapsAny(3389, 5432, 6379, 11211));
        Assert.True(element.CoversAllPorts);
    }

    [Theory]
    [InlineData(0, 65535, true)]
    [InlineData(1, 65535, true)]
    [InlineData(2, 65535, false)]
    [InlineData(0, 65534, false)]
    public void Covers_all_ports_only_for_the_whole_range(int from, int to, bool expected) =>
        Assert.Equal(expected, Permissions.Tcp(from, to, "0.0.0.0/0").CoversAllPorts);

    [Fact]
    public void A_port_range_that_contains_a_port_overlaps_it()
    {
        var element = Permissions.Tcp(20, 30, "0.0.0.0/0");

        Assert.True(element.OverlapsAny(22));
        Assert.False(element.OverlapsAny(3389, 443));
        Assert.True(element.OverlapsRange(25, 80));
    }

    [Fact]
    public void Icmp_type_and_code_are_not_ports()
    {
        var element = Permissions.Tcp(8, 22, "0.0.0.0/0") with { Protocol = IpProtocol.Icmp };

        Assert.False(element.Includes(22));
    }

    [Theory]
    [InlineData("6", "tcp")]
    [InlineData("17", "udp")]
    [InlineData("58", "icmpv6")]
    [InlineData("all", "-1")]
    [InlineData("TCP", "tcp")]
    public void Protocol_numbers_and_names_are_normalised(string given, string expected) =>
        Assert.Equal(expected, IpProtocol.Normalize(given));

    [Fact]
    public void A_missing_tag_reads_as_empty()
    {
        var group = new SecurityGroupFact { GroupId = "sg-1", Tags = new Dictionary<string, string> { ["team"] = "payments" } };

        Assert.Equal("", group.Tag("opsbot:exempt"));
        Assert.Equal("payments", group.Tag("team"));
    }
}
