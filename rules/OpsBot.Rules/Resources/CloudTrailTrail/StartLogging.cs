using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// Starts logging on a trail that was stopped; the restorable state is that it was not logging, so
/// undo stops it again. It acts on the trail as a whole, so it acts on none of the matched elements;
/// policies select the trail's one <c>status</c> element.
/// </summary>
public sealed class StartLogging : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "start-logging";

    /// <inheritdoc />
    public string Summary => "Start logging on the trail again, keeping that it was stopped for undo.";

    /// <inheritdoc />
    public string ResourceType => CloudTrailTrailResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["status"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } =
    [
        "cloudtrail:DescribeTrails",
        "cloudtrail:GetTrailStatus",
        "cloudtrail:GetEventSelectors",
        "cloudtrail:ListTags",
        "cloudtrail:StartLogging",
        "cloudtrail:StopLogging",
    ];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the trail status after the change and report whether it logs."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-cloudtrail-logging-stopped
        title: Trails must keep logging
        severity: critical
        resource: aws.cloudtrail.trail
        triggers: [StopLogging]
        select: status
        when: trail.Exists && !trail.IsLogging
        unless: trail.Tag("opsbot:exempt") == "true"
        remediation:
          action: start-logging
          mode: enforce
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TrailRemediationOptions(values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new RemediationPlan(Name, decision.ResourceId, []) { Elements = [] };
    }
}
