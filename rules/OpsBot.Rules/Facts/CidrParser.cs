using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OpsBot.Rules.Facts;

/// <summary>
/// Reads the forms EC2 reports CIDR blocks in (<c>a.b.c.d/n</c>, and an IPv6 address with a
/// prefix length) without IPNetwork2's general parser, which costs most of the fact building.
/// </summary>
/// <remarks>
/// Anything else (no prefix length, leading zeros, which IPv4 parsers may read as octal, spaces,
/// zone ids) is refused here and left to IPNetwork2, so the two always agree on what a string means.
/// </remarks>
internal static class CidrParser
{
    private static readonly SearchValues<char> Ipv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>True, with the range of the block, when <paramref name="cidr"/> is in one of the plain forms.</summary>
    public static bool TryParse(string cidr, out AddressRange range)
    {
        var slash = cidr.LastIndexOf('/');
        if (slash > 0 && cidr.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIpv6(cidr.AsSpan(0, slash), cidr.AsSpan(slash + 1), out range);
        }

        return TryParseIpv4(cidr, out range);
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> text, out AddressRange range)
    {
        range = default;
        uint address = 0;
        var position = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (!TryReadNumber(text, ref position, 255, out var value) ||
                position >= text.Length || text[position] != (octet < 3 ? '.' : '/'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            position++;
        }

        if (!TryReadNumber(text, ref position, 32, out var prefix) || position != text.Length)
        {
            return false;
        }

        var hostMask = prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;
        range = new AddressRange(AddressFamily.InterNetwork, address & ~hostMask, address | hostMask);
        return true;
    }

    private static bool TryParseIpv6(ReadOnlySpan<char> address, ReadOnlySpan<char> prefixText, out AddressRange range)
    {
        range = default;
        var position = 0;
        if (!TryReadNumber(prefixText, ref position, 128, out var prefix) || position != prefixText.Length ||
            address.ContainsAnyExcept(Ipv6Characters) ||
            !(TryReadHexGroups(address, out var value) || TryReadWithIpAddress(address, out value)))
        {
            return false;
        }

        var hostMask = prefix == 0 ? UInt128.MaxValue : (UInt128.One << (128 - prefix)) - 1;
        range = new AddressRange(AddressFamily.InterNetworkV6, value & ~hostMask, value | hostMask);
        return true;
    }

    // Eight groups of one to four hex digits, or fewer with one "::" standing for at least one zero
    // group. Anything else (an embedded IPv4 tail, a malformed string) goes to IPAddress.
    private static bool TryReadHexGroups(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = UInt128.Zero;
        UInt128 head = UInt128.Zero, tail = UInt128.Zero;
        int headGroups = 0, tailGroups = 0, position = 0;
        var compressed = false;
        if (text.StartsWith("::"))
        {
            compressed = true;
            position = 2;
        }

        while (position < text.Length)
        {
            var group = 0;
            var digits = 0;
            while (position < text.Length && digits < 5 && char.IsAsciiHexDigit(text[position]))
            {
                group = (group << 4) | HexValue(text[position++]);
                digits++;
            }

            if (digits is 0 or > 4)
            {
                return false;
            }

            if (compressed)
            {
                tail = (tail << 16) | (uint)group;
                tailGroups++;
            }
            else
            {
                head = (head << 16) | (uint)group;
                headGroups++;
            }

            if (position == text.Length)
            {
                break;
            }

            if (text[position] != ':' || ++position == text.Length)
            {
                return false;
            }

            if (text[position] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                position++;
            }
        }

        var groups = headGroups + tailGroups;
        if (compressed ? groups > 7 : groups != 8)
        {
            return false;
        }

        value = compressed ? (headGroups == 0 ? UInt128.Zero : head << (16 * (8 - headGroups))) | tail : head;
        return true;
    }

    private static bool TryReadWithIpAddress(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = UInt128.Zero;
        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out _);
        value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // A decimal of one to three digits without a leading zero, at most max.
    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int position, int max, out int value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && position - start < 3 && char.IsAsciiDigit(text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
        }

        var digits = position - start;
        return digits > 0 && (digits == 1 || text[start] != '0') && value <= max &&
            (position >= text.Length || !char.IsAsciiDigit(text[position]));
    }
}
