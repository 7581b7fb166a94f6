namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>Options of the snapshot actions.</summary>
/// <param name="Verify">Re-read the snapshot's restore attribute after the change and report whether it now complies.</param>
public sealed record SnapshotRemediationOptions(bool Verify);
