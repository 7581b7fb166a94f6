namespace OpsBot.Functions.Observability;

/// <summary>
/// The names of the per-policy outcome metrics OpsBot emits in the <c>OpsBot</c> namespace, and of
/// their dimensions: the one list the emitter, template.yaml's dashboard and alarms, and the tests
/// that hold them together all read.
/// </summary>
public static class OutcomeMetricNames
{
    /// <summary>The metric namespace (shared with the delivery and brake metrics).</summary>
    public const string Namespace = Outbox.EmbeddedMetricDeliveryMetrics.Namespace;

    /// <summary>Events (or sweep findings) whose name triggers the policy, whatever came of them.</summary>
    public const string Events = "Events";

    /// <summary>Events on which the policy matched the resource's live state.</summary>
    public const string Matched = "Matched";

    /// <summary>Matches fixed and verified (automatically, or after an approval).</summary>
    public const string Remediated = "Remediated";

    /// <summary>Matches held for a human: approval requested, held by a brake, or only notified although the policy asks for more (a plan too large to enforce, forced notify).</summary>
    public const string Held = "Held";

    /// <summary>Matches, or evaluations, that failed in a way retrying does not fix.</summary>
    public const string Failed = "Failed";

    /// <summary>Announcements (SNS, Slack, result event) of the policy's decisions given up after every allowed attempt.</summary>
    public const string AnnouncementsFailed = "AnnouncementsFailed";

    /// <summary>Milliseconds from the CloudTrail <c>eventTime</c> to the fix verified.</summary>
    public const string RemediationLatency = "RemediationLatency";

    /// <summary>The dimension naming the policy id.</summary>
    public const string PolicyDimension = "Policy";

    /// <summary>The dimension naming the policy's resource type, e.g. <c>aws.ec2.security-group</c>.</summary>
    public const string ResourceTypeDimension = "ResourceType";

    /// <summary>Every outcome metric, in the order they are written.</summary>
    public static IReadOnlyList<string> All { get; } = [Events, Matched, Remediated, Held, Failed, AnnouncementsFailed, RemediationLatency];
}
