using System.Net;
using System.Net.Sockets;

namespace OpsBot.Rules.Facts;

/// <summary>An inclusive range of addresses of one family, as 128-bit integers (IPv4 in the low 32 bits).</summary>
internal readonly record struct AddressRange(AddressFamily Family, UInt128 First, UInt128 Last)
{
    /// <summary>Parses a CIDR block, reading the plain forms directly and anything else through IPNetwork2.</summary>
    public static bool TryParse(string cidr, out AddressRange range)
    {
        if (CidrParser.TryParse(cidr, out range))
        {
            return true;
        }

        if (IPNetwork2.TryParse(cidr, out var network))
        {
            range = Of(network);
            return true;
        }

        range = default;
        return false;
    }

    /// <summary>The range of an IPNetwork2 block.</summary>
    public static AddressRange Of(IPNetwork2 network) =>
        new(network.AddressFamily, ToUInt128(network.Network), ToUInt128(network.Broadcast ?? network.Last));

    /// <summary>True when both ranges are of one family and share at least one address.</summary>
    public bool Overlaps(AddressRange other) => Family == other.Family && First <= other.Last && other.First <= Last;

    /// <summary>True when every address of <paramref name="inner"/> lies in this range.</summary>
    public bool Contains(AddressRange inner) => Family == inner.Family && First <= inner.First && inner.Last <= Last;

    private static UInt128 ToUInt128(IPAddress address) => (UInt128)IPNetwork2.ToBigInteger(address);
}
