namespace OpsBot.Cli.Scan;

/// <summary>One account and region a live scan could not read; the scan went on without it.</summary>
/// <param name="Account">The account.</param>
/// <param name="Region">The region.</param>
/// <param name="Reason">Why, in one line (e.g. the role could not be assumed).</param>
internal sealed record ScanFailure(string Account, string Region, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Account}/{Region}: {Reason}";
}
