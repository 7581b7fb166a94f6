using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.CloudTrail;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Functions.Resources.CloudTrailTrail;

/// <summary>
/// CloudTrail trails in a member account, through <see cref="CloudTrailClient"/>. <c>start-logging</c>
/// starts a stopped trail and keeps <c>{"IsLogging":false}</c> as the state it replaced; undo stops
/// the trail again. Verification re-reads <c>GetTrailStatus</c>.
/// </summary>
public sealed class CloudTrailTrailAdapter : IResourceAdapter
{
    private const string StartLoggingAction = "start-logging";

    /// <summary>The replaced state of <c>start-logging</c>.</summary>
    public const string StoppedState = "{\"IsLogging\":false}";

    /// <inheritdoc />
    public string ResourceType => CloudTrailTrailResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.Always("cloudtrail:StopLogging"),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var client = Client(session);
        if (await client.DescribeTrailAsync(resourceId, cancellationToken) is not { } trail)
        {
            return null;
        }

        // Status and selectors are asked by ARN, which also reaches a multi-region trail's home region.
        var id = trail.Arn.Length > 0 ? trail.Arn : trail.Name;
        return new TrailFact
        {
            Name = trail.Name,
            Arn = trail.Arn,
            HomeRegion = trail.HomeRegion,
            IsLogging = await client.IsLoggingAsync(id, cancellationToken),
            IsMultiRegionTrail = trail.IsMultiRegionTrail,
            LogFileValidationEnabled = trail.LogFileValidationEnabled,
            IncludesManagementEvents = await client.IncludesManagementEventsAsync(id, cancellationToken),
            S3BucketName = trail.S3BucketName,
            Tags = trail.Arn.Length > 0 ? await client.ListTagsAsync(trail.Arn, cancellationToken) : new Dictionary<string, string>(),
        };
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var trail = resource as TrailFact ?? throw new ArgumentException($"expected a trail, got {resource?.GetType().Name}", nameof(resource));
        return plan.Action == StartLoggingAction
            ? new ResourceChange(StartLoggingAction, trail.Name, $"start logging on trail {trail.Name} (was: {(trail.IsLogging ? "logging" : "stopped")})", [trail.Status[0].ToString()], StoppedState)
            : throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
    }

    /// <inheritdoc />
    public Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        return Client(session).StartLoggingAsync(change.ResourceId, cancellationToken);
    }

    /// <inheritdoc />
    public Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        return change.Before.Contains("\"IsLogging\":false", StringComparison.Ordinal)
            ? Client(session).StopLoggingAsync(change.ResourceId, cancellationToken)
            : Task.CompletedTask;
    }

    private static CloudTrailClient Client(MemberSession session) => new(session.Service("cloudtrail", "CLOUDTRAIL"));
}
