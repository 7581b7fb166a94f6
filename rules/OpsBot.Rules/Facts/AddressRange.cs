using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace OpsBot.Rules.Facts;

/// <summary>An inclusive range of addresses of one family, as integers.</summary>
internal readonly record struct AddressRange(AddressFamily Family, BigInteger First, BigInteger Last)
{
    public BigInteger Size => Last - First + 1;

    public static AddressRange Of(IPNetwork2 network) =>
        new(network.AddressFamily, IPNetwork2.ToBigInteger(network.Network), IPNetwork2.ToBigInteger(network.Broadcast ?? network.Last));

    public static AddressRange Of(string cidr) => Of(IPNetwork2.Parse(cidr));

    public bool Overlaps(AddressRange other) => Family == other.Family && First <= other.Last && other.First <= Last;

    public BigInteger OverlapSize(AddressRange other) =>
        Overlaps(other) ? BigInteger.Min(Last, other.Last) - BigInteger.Max(First, other.First) + 1 : BigInteger.Zero;
}
