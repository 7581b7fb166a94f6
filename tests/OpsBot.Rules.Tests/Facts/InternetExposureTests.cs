using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

public class InternetExposureTests
{
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    [InlineData("0.0.0.0/1")]
    [InlineData("128.0.0.0/1")]
    [InlineData("2000::/3")]
    [InlineData("52.0.0.0/8")]
    public void A_source_covering_a_large_part_of_the_internet_is_open(string cidr)
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, cidr));

        Assert.True(group.Ingress[0].IsOpenToInternet);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("172.16.0.0/12")]
    [InlineData("192.168.0.0/16")]
    [InlineData("100.64.0.0/10")]
    [InlineData("203.0.113.7/32")]
    [InlineData("52.95.0.0/16")]
    [InlineData("fd00::/8")]
    [InlineData("2001:db8::/32")]
    public void A_private_or_narrow_source_is_not_open(string cidr)
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, cidr));

        Assert.False(group.Ingress[0].IsOpenToInternet);
    }

    [Fact]
    public void Narrow_ranges_that_together_cover_much_of_the_internet_are_open()
    {
        // 32 public /12 blocks: each alone is far below the threshold, together they are 2^25 addresses.
        var elements = Enumerable.Range(0, 32).Select(i => Permissions.Tcp(22, 22, $"{20 + i}.0.0.0/12")).ToArray();

        var group = Permissions.Group(elements);

        Assert.All(group.Ingress, e => Assert.True(e.PublicAddressShare < SecurityGroupFactBuilder.InternetShareThreshold));
        Assert.All(group.Ingress, e => Assert.True(e.IsOpenToInternet));
    }

    [Fact]
    public void Narrow_ranges_on_ports_that_do_not_overlap_are_judged_apart()
    {
        var elements = Enumerable.Range(0, 32).Select(i => Permissions.Tcp(1000 + i, 1000 + i, $"{i + 20}.0.0.0/12")).ToArray();

        var group = Permissions.Group(elements);

        Assert.All(group.Ingress, e => Assert.False(e.IsOpenToInternet));
    }

    [Fact]
    public void A_specific_public_source_beside_a_world_open_one_is_not_condemned_with_it()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"), Permissions.Tcp(22, 22, "198.51.7.0/24"));

        Assert.True(group.Ingress[0].IsOpenToInternet);
        Assert.False(group.Ingress[1].IsOpenToInternet);
    }

    [Fact]
    public void A_private_source_beside_a_world_open_one_stays_private()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"), Permissions.Tcp(22, 22, "10.0.0.0/8"));

        Assert.True(group.Ingress[0].IsOpenToInternet);
        Assert.False(group.Ingress[1].IsOpenToInternet);
    }

    [Fact]
    public void The_whole_ipv4_internet_is_a_share_of_one()
    {
        Assert.Equal(1.0, CidrMath.PublicShare("0.0.0.0/0"), 3);
        Assert.Equal(0.0, CidrMath.PublicShare("10.0.0.0/8"), 6);
    }
}
