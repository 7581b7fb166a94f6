namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>An inclusive range of TCP or UDP ports.</summary>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="From">The first port.</param>
/// <param name="To">The last port.</param>
public sealed record NetworkAclPortRange(string Protocol, int From, int To)
{
    /// <summary>True when <paramref name="port"/> lies in the range.</summary>
    public bool Includes(int port) => From <= port && port <= To;

    /// <summary>"tcp 22-22".</summary>
    public override string ToString() => $"{Protocol} {From}-{To}";
}
