using System.Globalization;
using System.Text;
using System.Text.Json;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Functions.Resources.NetworkAcl;

/// <summary>
/// The deleted entries of a network ACL change as JSON in the shape <c>aws ec2 describe-network-acls</c>
/// prints them (<c>{"Entries": [...]}</c>), read back through <see cref="NetworkAclStateReader"/>.
/// Written without reflection.
/// </summary>
internal static class NetworkAclEntryJson
{
    public static string Write(IEnumerable<NetworkAclEntryFact> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Entries");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteNumber("RuleNumber", entry.RuleNumber);
                writer.WriteBoolean("Egress", entry.Egress);
                writer.WriteString("Protocol", ProtocolNumber(entry.Protocol));
                writer.WriteString("RuleAction", entry.RuleAction);
                writer.WriteString(entry.IsIpv6 ? "Ipv6CidrBlock" : "CidrBlock", entry.Cidr);
                if (IpProtocol.HasPorts(entry.Protocol))
                {
                    writer.WriteStartObject("PortRange");
                    writer.WriteNumber("From", entry.FromPort);
                    writer.WriteNumber("To", entry.ToPort);
                    writer.WriteEndObject();
                }

                if (entry.Protocol is IpProtocol.Icmp or IpProtocol.Icmpv6)
                {
                    writer.WriteStartObject("IcmpTypeCode");
                    writer.WriteNumber("Type", entry.IcmpType);
                    writer.WriteNumber("Code", entry.IcmpCode);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<NetworkAclEntryFact> Read(string before)
    {
        var acl = NetworkAclStateReader.Read("{\"NetworkAclId\":\"-\"," + before.Trim()[1..])[0];
        return [.. acl.Ingress, .. acl.Egress];
    }

    /// <summary>The IANA number EC2 takes for a network ACL entry's protocol: <c>tcp</c> -> <c>6</c>.</summary>
    public static string ProtocolNumber(string protocol) => protocol switch
    {
        IpProtocol.Tcp => "6",
        IpProtocol.Udp => "17",
        IpProtocol.Icmp => "1",
        IpProtocol.Icmpv6 => "58",
        _ => protocol,
    };

    /// <summary>True when both describe the same traffic and action (rule number and direction aside).</summary>
    public static bool SameRule(NetworkAclEntryFact a, NetworkAclEntryFact b) =>
        a.Protocol == b.Protocol
        && a.RuleAction == b.RuleAction
        && string.Equals(a.Cidr, b.Cidr, StringComparison.OrdinalIgnoreCase)
        && (!IpProtocol.HasPorts(a.Protocol) || (a.FromPort == b.FromPort && a.ToPort == b.ToPort))
        && (a.Protocol is not (IpProtocol.Icmp or IpProtocol.Icmpv6) || (a.IcmpType == b.IcmpType && a.IcmpCode == b.IcmpCode));

    /// <summary>"#100 inbound" for messages.</summary>
    public static string Key(NetworkAclEntryFact entry) =>
        string.Create(CultureInfo.InvariantCulture, $"#{entry.RuleNumber} {(entry.Egress ? "outbound" : "inbound")}");
}
