namespace OpsBot.Cli.Scan;

/// <summary>Where a live scan reads: credentials, member role, accounts, regions and endpoint.</summary>
/// <param name="Profile">A named profile of the shared AWS config, or null for the default credential chain.</param>
/// <param name="Role">The role assumed in each member account, or null to use the caller's own credentials (own account only).</param>
/// <param name="Accounts">A file of account ids, <c>org</c>, or null for the caller's own account.</param>
/// <param name="Regions">A comma list of regions, <c>all</c>, or null for the configured region.</param>
/// <param name="Endpoint">One endpoint for every service (an emulator), or null.</param>
internal sealed record LiveScanOptions(string? Profile, string? Role, string? Accounts, string? Regions, Uri? Endpoint)
{
    /// <summary>True when any live-source option was given.</summary>
    public bool Any => Profile is not null || Role is not null || Accounts is not null || Regions is not null || Endpoint is not null;
}
