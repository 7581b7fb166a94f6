using System.Buffers.Binary;
using System.Net;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

// IPv4 public space: 2^32 less the RFC 6890 blocks = 3,702,258,688 addresses; 1/256 of it is
// 14,461,948. IPv6: 2^125 (2000::/3) less 2^96 (2001:db8::/32); 1/256 of it is 2^117 - 2^88.
public class InternetBoundaryTests
{
    [Fact]
    public void An_ipv6_slash_11_of_global_unicast_reaches_the_bar_and_is_open()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "2400::/11"));

        Assert.True(group.Ingress[0].IsOpenToInternet);
    }

    [Fact]
    public void An_ipv6_slash_11_holding_the_documentation_block_falls_just_short_and_is_not_open()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "2000::/11"));

        Assert.False(group.Ingress[0].IsOpenToInternet);
    }

    [Theory]
    [InlineData("2400::/11")]
    [InlineData("2000::/11")]
    [InlineData("52.0.0.0/8")]
    [InlineData("52.0.0.0/9")]
    public void The_share_given_to_policies_agrees_with_the_decision_at_the_bar(string cidr)
    {
        var element = Permissions.Group(Permissions.Tcp(22, 22, cidr)).Ingress[0];

        Assert.Equal(element.IsOpenToInternet, element.PublicAddressShare >= SecurityGroupFactBuilder.InternetShareThreshold);
    }

    [Fact]
    public void Pooled_ipv4_blocks_of_exactly_1_in_256_of_public_space_are_open()
    {
        // 14,461,948 in binary: one block per set bit, /9 down to /30.
        var group = Permissions.Group(Ipv4Blocks("40.0.0.0", 9, 10, 12, 13, 14, 17, 19, 21, 23, 24, 25, 26, 27, 28, 29, 30));

        Assert.All(group.Ingress, e => Assert.True(e.IsOpenToInternet));
    }

    [Fact]
    public void Pooled_ipv4_blocks_two_addresses_short_of_1_in_256_are_not_open()
    {
        var group = Permissions.Group(Ipv4Blocks("40.0.0.0", 9, 10, 12, 13, 14, 17, 19, 21, 23, 24, 25, 26, 27, 28, 29, 31));

        Assert.All(group.Ingress, e => Assert.False(e.IsOpenToInternet));
    }

    [Fact]
    public void Pooled_ipv6_blocks_of_exactly_1_in_256_of_public_space_are_open()
    {
        // 2^117 - 2^88 = 2^116 + 2^115 + ... + 2^88: a /12 down to a /40.
        var group = Permissions.Group(Ipv6Blocks("2400::", [.. Enumerable.Range(12, 29)]));

        Assert.All(group.Ingress, e => Assert.True(e.IsOpenToInternet));
    }

    [Theory]
    [InlineData(43, true)]
    [InlineData(42, false)]
    public void Blocks_under_a_millionth_of_the_internet_still_pool_with_the_others(int slash22Count, bool expected)
    {
        // The /9 to /14 admit 14,417,920 addresses; 43 /22 blocks of 1,024 bring them past 14,461,948.
        var wide = Ipv4Blocks("20.0.0.0", 9, 10, 12, 13, 14);
        var narrow = Ipv4Blocks("30.0.0.0", [.. Enumerable.Repeat(22, slash22Count)]);

        var group = Permissions.Group([.. wide, .. narrow]);

        Assert.All(group.Ingress, e => Assert.Equal(expected, e.IsOpenToInternet));
    }

    // Consecutive blocks from start, largest first so each stays aligned, on one port.
    private static PermissionFact[] Ipv4Blocks(string start, params int[] prefixes)
    {
        var next = BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(start).GetAddressBytes());
        var blocks = new List<PermissionFact>();
        foreach (var prefix in prefixes)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, next);
            blocks.Add(Permissions.Tcp(22, 22, $"{new IPAddress(bytes)}/{prefix}"));
            next += 1u << (32 - prefix);
        }

        return [.. blocks];
    }

    private static PermissionFact[] Ipv6Blocks(string start, params int[] prefixes)
    {
        var next = BinaryPrimitives.ReadUInt128BigEndian(IPAddress.Parse(start).GetAddressBytes());
        var blocks = new List<PermissionFact>();
        foreach (var prefix in prefixes)
        {
            var bytes = new byte[16];
            BinaryPrimitives.WriteUInt128BigEndian(bytes, next);
            blocks.Add(Permissions.Tcp(22, 22, $"{new IPAddress(bytes)}/{prefix}"));
            next += UInt128.One << (128 - prefix);
        }

        return [.. blocks];
    }
}
