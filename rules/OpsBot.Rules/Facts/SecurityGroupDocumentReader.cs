using System.Globalization;
using System.Text.Json;

namespace OpsBot.Rules.Facts;

/// <summary>
/// Reads the groups of a describe-security-groups document from its UTF-8 bytes, straight into
/// facts: one quick pass finds each group's bytes, and each group is then read from them on its
/// own. No document tree and no UTF-16 copy, so an inventory of 100,000 groups costs its bytes and
/// the facts being read. Reads as <see cref="SecurityGroupStateReader"/> has
/// always read (a missing or mistyped value is empty, or -1 for a port; the last of two equal keys
/// wins), and refuses what that reader could not read.
/// </summary>
internal static class SecurityGroupDocumentReader
{
    private const string AnyIpv4 = "0.0.0.0/0";

    private const string AnyIpv6 = "::/0";

    private const string ShapeError = "expected describe-security-groups output: an object with a \"SecurityGroups\" array";

    /// <summary>
    /// Where each group of <paramref name="utf8"/> starts and ends, in one quick pass that also
    /// checks the syntax of the whole document; each group can then be read from its own bytes
    /// (<see cref="ReadGroup(ReadOnlySpan{byte})"/>), in parallel or on demand.
    /// </summary>
    /// <exception cref="StateFormatException">The document is not describe-security-groups output.</exception>
    /// <exception cref="JsonException">The document is not JSON.</exception>
    public static List<Range> GroupSpans(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StateFormatException(ShapeError);
        }

        List<Range>? groups = null;
        while (NextProperty(ref reader) is var isGroups && reader.TokenType != JsonTokenType.EndObject)
        {
            if (isGroups && reader.TokenType == JsonTokenType.StartArray)
            {
                groups = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    groups.Add(start..(int)reader.BytesConsumed);
                }
            }
            else
            {
                groups = isGroups ? null : groups;
                reader.Skip();
            }
        }

        // Whatever follows the root object must be nothing: the reader throws on anything else.
        reader.Read();
        return groups ?? throw new StateFormatException(ShapeError);
    }

    /// <summary>One group, from the bytes <see cref="GroupSpans"/> found for it; its elements are still without their exposure and rule id.</summary>
    /// <exception cref="StateFormatException">The group is not in the shape describe-security-groups prints.</exception>
    public static (SecurityGroupFact Group, List<PermissionFact> Ingress, List<PermissionFact> Egress) ReadGroup(ReadOnlySpan<byte> group)
    {
        var reader = new Utf8JsonReader(group);
        reader.Read();
        return ReadGroup(ref reader);
    }

    // Moves to the next property's value of the current object, or to its end; true when the name is SecurityGroups.
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        var isGroups = reader.ValueTextEquals("SecurityGroups"u8);
        reader.Read();
        return isGroups;
    }

    private static (SecurityGroupFact, List<PermissionFact>, List<PermissionFact>) ReadGroup(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StateFormatException("a security group has no \"GroupId\"");
        }

        string groupId = "", name = "", vpc = "", owner = "", description = "";
        List<PermissionFact>? ingress = null, egress = null;
        Dictionary<string, string>? tags = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("GroupId"u8)) { groupId = Text(ref reader); }
            else if (reader.ValueTextEquals("GroupName"u8)) { name = Text(ref reader); }
            else if (reader.ValueTextEquals("VpcId"u8)) { vpc = Text(ref reader); }
            else if (reader.ValueTextEquals("OwnerId"u8)) { owner = Text(ref reader); }
            else if (reader.ValueTextEquals("Description"u8)) { description = Text(ref reader); }
            else if (reader.ValueTextEquals("IpPermissions"u8)) { ingress = Permissions(ref reader, TrafficDirection.Ingress); }
            else if (reader.ValueTextEquals("IpPermissionsEgress"u8)) { egress = Permissions(ref reader, TrafficDirection.Egress); }
            else if (reader.ValueTextEquals("Tags"u8)) { tags = Tags(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (groupId.Length == 0)
        {
            throw new StateFormatException("a security group has no \"GroupId\"");
        }

        var group = new SecurityGroupFact { GroupId = groupId, GroupName = name, VpcId = vpc, OwnerId = owner, Description = description, Tags = tags ?? new(StringComparer.Ordinal) };
        return (group, ingress ?? [], egress ?? []);
    }

    private static List<PermissionFact> Permissions(ref Utf8JsonReader reader, TrafficDirection direction)
    {
        var elements = new List<PermissionFact>();
        if (!StartArray(ref reader))
        {
            return elements;
        }

        // One document, emptied for each permission: its peers become elements before the next is read.
        var permission = new PermissionDocument();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new StateFormatException("a permission of a security group is not an object");
            }

            permission.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("IpProtocol"u8)) { permission.Protocol = Known(ref reader); }
                else if (reader.ValueTextEquals("FromPort"u8)) { permission.From = Port(ref reader, "FromPort"); }
                else if (reader.ValueTextEquals("ToPort"u8)) { permission.To = Port(ref reader, "ToPort"); }
                else if (reader.ValueTextEquals("IpRanges"u8)) { permission.Ipv4 = Peers(ref reader, "CidrIp"u8); }
                else if (reader.ValueTextEquals("Ipv6Ranges"u8)) { permission.Ipv6 = Peers(ref reader, "CidrIpv6"u8); }
                else if (reader.ValueTextEquals("PrefixListIds"u8)) { permission.PrefixLists = Peers(ref reader, "PrefixListId"u8); }
                else if (reader.ValueTextEquals("UserIdGroupPairs"u8)) { permission.Groups = Peers(ref reader, "GroupId"u8); }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            permission.AddTo(elements, direction);
        }

        return elements;
    }

    // Each peer as (source, description); a peer that is no object has neither. Null for no peers.
    private static List<(string, string)>? Peers(ref Utf8JsonReader reader, ReadOnlySpan<byte> sourceProperty)
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        // Most of a permission's four peer arrays are empty: a list only for those that are not.
        List<(string, string)>? peers = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string source = "", description = "";
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(sourceProperty)) { source = Known(ref reader); }
                    else if (reader.ValueTextEquals("Description"u8)) { description = Text(ref reader); }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            (peers ??= new(1)).Add((source, description));
        }

        return peers;
    }

    private static Dictionary<string, string> Tags(ref Utf8JsonReader reader)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!StartArray(ref reader))
        {
            return tags;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string key = "", value = "";
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Key"u8)) { key = Text(ref reader); }
                    else if (reader.ValueTextEquals("Value"u8)) { value = Text(ref reader); }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            tags[key] = value;
        }

        return tags;
    }

    // Moves to the property's value; true when it is an array (then positioned on its start), else skips it.
    private static bool StartArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    // A protocol, or a source, as Text reads it; the values nearly every group repeats are shared
    // rather than allocated again for each element of each group.
    private static string Known(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            var value = reader.ValueSpan;
            if (value.SequenceEqual("tcp"u8)) { return IpProtocol.Tcp; }
            if (value.SequenceEqual("udp"u8)) { return IpProtocol.Udp; }
            if (value.SequenceEqual("-1"u8)) { return IpProtocol.All; }
            if (value.SequenceEqual("0.0.0.0/0"u8)) { return AnyIpv4; }
            if (value.SequenceEqual("::/0"u8)) { return AnyIpv6; }
        }

        return Value(ref reader);
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        return Value(ref reader);
    }

    // The string the reader is on, or empty (and the value skipped) when it is none.
    private static string Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.ValueSpan.Length == 0 ? "" : reader.GetString()!;
        }

        reader.Skip();
        return "";
    }

    private static int Port(ref Utf8JsonReader reader, string property)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var port) ? port : throw new StateFormatException($"a permission's \"{property}\" is not a whole number");
            case JsonTokenType.String:
                return int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            default:
                reader.Skip();
                return -1;
        }
    }
}
