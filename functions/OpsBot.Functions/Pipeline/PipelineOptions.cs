namespace OpsBot.Functions.Pipeline;

/// <summary>Switches that change what the pipeline does, whatever the policies say.</summary>
/// <param name="ForceNotify">Every policy runs in notify mode: alerts only, nothing changed (first roll-out).</param>
/// <param name="ResultDetailType">The detail-type of the result events put on the bus.</param>
/// <param name="OwnRoleName">The member remediation role's name: calls its OpsBot sessions made are OpsBot's own and not acted on; null to act on every call.</param>
public sealed record PipelineOptions(bool ForceNotify = false, string ResultDetailType = PipelineOptions.DefaultResultDetailType, string? OwnRoleName = null)
{
    /// <summary>The detail-type of result events unless configured otherwise.</summary>
    public const string DefaultResultDetailType = "OpsBot Remediation";
}
