namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>Options of the trail actions.</summary>
/// <param name="Verify">Re-read the trail status after the change and report whether it now complies.</param>
public sealed record TrailRemediationOptions(bool Verify);
