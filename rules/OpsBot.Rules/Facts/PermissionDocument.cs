namespace OpsBot.Rules.Facts;

/// <summary>
/// One entry of a group's <c>IpPermissions</c> as it is read, before it becomes elements: its keys
/// can come in any order, and its peers become elements in a fixed one (IPv4 ranges, IPv6 ranges,
/// prefix lists, groups).
/// </summary>
internal sealed class PermissionDocument
{
    /// <summary>The protocol as written (a name or a number), or empty.</summary>
    public string Protocol { get; set; } = "";

    /// <summary>The first port, or -1.</summary>
    public int From { get; set; } = -1;

    /// <summary>The last port, or -1.</summary>
    public int To { get; set; } = -1;

    /// <summary>The <c>IpRanges</c> (CIDR, description), or null.</summary>
    public List<(string Source, string Description)>? Ipv4 { get; set; }

    /// <summary>The <c>Ipv6Ranges</c>, or null.</summary>
    public List<(string Source, string Description)>? Ipv6 { get; set; }

    /// <summary>The <c>PrefixListIds</c>, or null.</summary>
    public List<(string Source, string Description)>? PrefixLists { get; set; }

    /// <summary>The <c>UserIdGroupPairs</c> (group id, description), or null.</summary>
    public List<(string Source, string Description)>? Groups { get; set; }

    /// <summary>Empties the document for the next permission.</summary>
    public void Clear()
    {
        Protocol = "";
        From = -1;
        To = -1;
        Ipv4 = null;
        Ipv6 = null;
        PrefixLists = null;
        Groups = null;
    }

    /// <summary>Adds one element per peer to <paramref name="elements"/>.</summary>
    public void AddTo(List<PermissionFact> elements, TrafficDirection direction)
    {
        var protocol = IpProtocol.Normalize(Protocol);
        Add(elements, direction, protocol, SourceKind.Ipv4Cidr, Ipv4);
        Add(elements, direction, protocol, SourceKind.Ipv6Cidr, Ipv6);
        Add(elements, direction, protocol, SourceKind.PrefixList, PrefixLists);
        Add(elements, direction, protocol, SourceKind.SecurityGroup, Groups);
    }

    private void Add(List<PermissionFact> elements, TrafficDirection direction, string protocol, SourceKind kind, List<(string Source, string Description)>? peers)
    {
        if (peers is null)
        {
            return;
        }

        foreach (var (source, description) in peers)
        {
            elements.Add(new PermissionFact
            {
                Direction = direction,
                Protocol = protocol,
                FromPort = From,
                ToPort = To,
                SourceKind = kind,
                Source = source,
                Description = description,
            });
        }
    }
}
