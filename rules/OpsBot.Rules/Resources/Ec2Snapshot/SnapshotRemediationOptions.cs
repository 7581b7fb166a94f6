namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>Options of the snapshot actions.</summary>
/// <param name="Verify">Re-read the snapshot's permissions after the change and report whether it now complies.</param>
public sealed record SnapshotRemediationOptions(bool Verify);
