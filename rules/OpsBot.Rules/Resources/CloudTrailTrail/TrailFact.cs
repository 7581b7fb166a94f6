namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// A CloudTrail trail as CloudTrail reports it now: what <c>DescribeTrails</c>, <c>GetTrailStatus</c>,
/// <c>GetEventSelectors</c> and <c>ListTags</c> say of it. A trail that no longer exists (after
/// <c>DeleteTrail</c>) is a fact with <see cref="Exists"/> false and nothing else known.
/// </summary>
public sealed record TrailFact : Facts.ITaggedFact
{
    private IReadOnlyList<TrailStatusFact>? _status;

    /// <summary>The trail name, which is also its id.</summary>
    public required string Name { get; init; }

    /// <summary>The trail ARN, or an empty string when it is not known (a deleted trail named by name).</summary>
    public string Arn { get; init; } = "";

    /// <summary>The region the trail was created in.</summary>
    public string HomeRegion { get; init; } = "";

    /// <summary>False for a trail that has been deleted: the fact only says that it is gone.</summary>
    public bool Exists { get; init; } = true;

    /// <summary>True while the trail delivers log files (GetTrailStatus).</summary>
    public bool IsLogging { get; init; }

    /// <summary>True when the trail records events of every region.</summary>
    public bool IsMultiRegionTrail { get; init; }

    /// <summary>True when CloudTrail writes digest files, so tampering with log files can be detected.</summary>
    public bool LogFileValidationEnabled { get; init; }

    /// <summary>
    /// True when the trail records management events: a basic event selector with
    /// <c>IncludeManagementEvents</c>, an advanced selector whose <c>eventCategory</c> equals
    /// <c>Management</c>, or no selectors at all (CloudTrail's default).
    /// </summary>
    public bool IncludesManagementEvents { get; init; }

    /// <summary>The bucket the log files go to.</summary>
    public string S3BucketName { get; init; } = "";

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The trail's one status element, what policies <c>select: status</c> on; the same instance on
    /// every read (the engine tells matched elements by reference), made again when a copy changed it.
    /// </summary>
    public IReadOnlyList<TrailStatusFact> Status
    {
        get
        {
            var status = _status;
            if (status is null || status[0].IsLogging != IsLogging || status[0].Exists != Exists)
            {
                status = [new TrailStatusFact(IsLogging, Exists)];
                _status = status;
            }

            return status;
        }
    }

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the trail lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the trail carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
