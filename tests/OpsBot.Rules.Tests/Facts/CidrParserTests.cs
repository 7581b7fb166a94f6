using System.Net;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

public class CidrParserTests
{
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.1.2.3/8")]
    [InlineData("255.255.255.255/32")]
    [InlineData("::/0")]
    [InlineData("2001:DB8::1/64")]
    [InlineData("::ffff:10.0.0.0/104")]
    public void The_forms_ec2_reports_are_read_without_ipnetwork2(string cidr) =>
        Assert.True(CidrParser.TryParse(cidr, out _));

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.1.2.3/8")]
    [InlineData("192.168.1.5/24")]
    [InlineData("255.255.255.255/32")]
    [InlineData("1.2.3.4/31")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("256.0.0.0/8")]
    [InlineData("1.2.3/24")]
    [InlineData("1.2.3.4.5/24")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("1.2.3.4/")]
    [InlineData("1.2.3.4/3a")]
    [InlineData("10.0.0.0 255.0.0.0")]
    [InlineData("::/0")]
    [InlineData("2001:db8::1/64")]
    [InlineData("2001:DB8::/32")]
    [InlineData("2001:db8:0:0:0:0:0:0/48")]
    [InlineData("::ffff:10.0.0.0/104")]
    [InlineData("fe80::1%2/64")]
    [InlineData("2001:db8::/129")]
    [InlineData("2001:db8::/064")]
    [InlineData("2001:db8::")]
    [InlineData("2001:db8:::/64")]
    [InlineData("1:2:3:4:5:6:7::/64")]
    [InlineData("::1:2:3:4:5:6:7/128")]
    [InlineData("1:2:3:4:5:6:7:8/128")]
    [InlineData("01:0002:3:4:5:6:7:8/128")]
    [InlineData("1:2:3:4:5:6:7/112")]
    [InlineData("1:2:3:4:5:6:7:8:9/128")]
    [InlineData("1:2:3:4:5:6:7:8::/128")]
    [InlineData("1::2::3/64")]
    [InlineData(":::/0")]
    [InlineData(":1::/16")]
    [InlineData("1:/16")]
    [InlineData("12345::/16")]
    [InlineData("::/")]
    [InlineData("/8")]
    [InlineData("")]
    [InlineData("sg-0123456789abcdef0")]
    public void A_block_means_what_ipnetwork2_reads_it_as(string cidr) => AssertAgreesWithIpNetwork2(cidr);

    [Fact]
    public void Random_blocks_of_both_families_mean_what_ipnetwork2_reads_them_as()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 2_000; i++)
        {
            var ipv6 = i % 2 == 1;
            var bytes = new byte[ipv6 ? 16 : 4];
            random.NextBytes(bytes);
            if (ipv6)
            {
                // A run of zero groups, so the compressed "::" forms are exercised too.
                var start = random.Next(8);
                Array.Clear(bytes, start * 2, random.Next(8 - start + 1) * 2);
            }

            AssertAgreesWithIpNetwork2($"{new IPAddress(bytes)}/{random.Next(ipv6 ? 129 : 33)}");
        }
    }

    private static void AssertAgreesWithIpNetwork2(string cidr)
    {
        var expected = IPNetwork2.TryParse(cidr, out var network) ? AddressRange.Of(network) : (AddressRange?)null;

        var actual = AddressRange.TryParse(cidr, out var range) ? range : (AddressRange?)null;

        Assert.Equal(expected, actual);
    }
}
