using System.Text;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

/// <summary>The forward-only read of describe-security-groups output, from its UTF-8 bytes.</summary>
public class SecurityGroupDocumentReadingTests
{
    [Fact]
    public void Reads_a_permission_whose_peers_come_before_its_protocol_and_ports()
    {
        const string json = """
            {"SecurityGroups": [{"IpPermissions": [{"UserIdGroupPairs": [{"GroupId": "sg-0peer", "Description": "app"}],
              "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "world"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
              "PrefixListIds": [{"PrefixListId": "pl-01"}], "ToPort": 22, "FromPort": 22, "IpProtocol": "6"}],
              "GroupId": "sg-0a", "GroupName": "web"}]}
            """;

        var group = Assert.Single(SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetBytes(json)));

        Assert.Equal([SourceKind.Ipv4Cidr, SourceKind.Ipv6Cidr, SourceKind.PrefixList, SourceKind.SecurityGroup], group.Ingress.Select(e => e.SourceKind));
        Assert.All(group.Ingress, e => Assert.Equal(("tcp", 22, 22), (e.Protocol, e.FromPort, e.ToPort)));
        Assert.Equal(["world", "", "", "app"], group.Ingress.Select(e => e.Description));
        Assert.True(group.Ingress[0].IsOpenToInternet);
        Assert.Equal("web", group.GroupName);
    }

    [Fact]
    public void Reads_missing_or_mistyped_values_as_empty_and_ports_given_as_text()
    {
        const string json = """
            {"SecurityGroups": [{"GroupId": "sg-0\u0061", "VpcId": 7, "Tags": [{"Key": "team", "Value": "ops"}, {"Key": "cost-center"}],
              "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}],
              "IpPermissions": [{"IpProtocol": "tcp", "FromPort": "443", "ToPort": null, "IpRanges": [{"CidrIp": "192.0.2.0/24"}], "Ipv6Ranges": {}}]}]}
            """;

        var group = Assert.Single(SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("sg-0a", ""), (group.GroupId, group.VpcId));
        Assert.Equal(("ops", ""), (group.Tag("team"), group.Tag("cost-center")));
        var ingress = Assert.Single(group.Ingress);
        Assert.Equal((443, -1), (ingress.FromPort, ingress.ToPort));
        Assert.Equal((IpProtocol.All, -1), (Assert.Single(group.Egress).Protocol, group.Egress[0].FromPort));
    }

    [Fact]
    public void Skips_a_byte_order_mark_and_reads_the_same_groups_as_from_text()
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("state/sg-ssh-https-world.json"));

        var fromText = Assert.Single(SecurityGroupStateReader.Read(text));
        var fromBytes = Assert.Single(SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()));

        Assert.Equal(fromText.GroupId, fromBytes.GroupId);
        Assert.Equal(fromText.Ingress, fromBytes.Ingress);
        Assert.Equal(fromText.Egress, fromBytes.Egress);
    }

    [Fact]
    public void Keeps_inventory_order_when_a_large_inventory_is_read_in_parallel()
    {
        var ids = Enumerable.Range(0, 3000).Select(i => $"sg-{i:x17}").ToList();
        var json = $"{{\"SecurityGroups\": [{string.Join(",", ids.Select((id, i) => Group(id, i % 7 == 0 ? "0.0.0.0/0" : "10.0.0.0/8")))}]}}";

        var groups = SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ids, groups.Select(g => g.GroupId));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i % 7 == 0), groups.Select(g => g.Ingress[0].IsOpenToInternet));
    }

    [Fact]
    public void Rejects_a_group_without_an_id_in_a_large_inventory()
    {
        var groups = Enumerable.Range(0, 2000).Select(i => i == 1500 ? "{\"GroupName\": \"lost\"}" : Group($"sg-{i:x17}", "10.0.0.0/8"));

        var ex = Assert.Throws<StateFormatException>(() => SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetBytes($"{{\"SecurityGroups\": [{string.Join(",", groups)}]}}")));

        Assert.Contains("no \"GroupId\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"SecurityGroups": [{"GroupId": "sg-0a", "IpPermissions": [22]}]}""", "a permission of a security group is not an object")]
    [InlineData("""{"SecurityGroups": [{"GroupId": "sg-0a", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22.5}]}]}""", "\"FromPort\" is not a whole number")]
    [InlineData("""{"SecurityGroups": []} {"SecurityGroups": []}""", "not valid JSON")]
    [InlineData("""{"SecurityGroups": 3, "Extra": [}""", "not valid JSON")]
    public void Refuses_what_it_cannot_read_with_a_specific_message(string json, string message)
    {
        var ex = Assert.Throws<StateFormatException>(() => SecurityGroupStateReader.ReadUtf8(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static string Group(string id, string cidr) =>
        $"{{\"GroupId\": \"{id}\", \"IpPermissions\": [{{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{{\"CidrIp\": \"{cidr}\"}}]}}]}}";
}
