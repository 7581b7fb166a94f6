namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>Options of the image actions.</summary>
/// <param name="Verify">Re-read the image's launch permissions after the change and report whether it now complies.</param>
public sealed record ImageRemediationOptions(bool Verify);
