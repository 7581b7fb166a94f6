namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// An EC2 instance as EC2 reports it now: its id, its state, its instance metadata service
/// settings and its tags.
/// </summary>
public sealed record InstanceFact : Facts.ITaggedFact
{
    /// <summary>The instance id, e.g. <c>i-0abc…</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The state name: <c>pending</c>, <c>running</c>, <c>stopping</c>, <c>stopped</c>, <c>shutting-down</c> or <c>terminated</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>The instance metadata service settings; EC2's defaults (tokens optional, endpoint enabled) until read.</summary>
    public MetadataOptionsFact MetadataOptions { get; init; } = new() { InstanceId = "", HttpTokens = "optional" };

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// <see cref="MetadataOptions"/> as a one-element collection, for policies, which must select
    /// one; <c>require-imdsv2</c> acts on the instance as a whole.
    /// </summary>
    public IReadOnlyList<MetadataOptionsFact> Metadata => [MetadataOptions];

    /// <summary>True when the instance metadata service answers unsigned IMDSv1 requests.</summary>
    public bool IsV1Allowed => MetadataOptions.IsV1Allowed;

    /// <summary>True when the instance is terminated or being terminated: there is nothing left to fix.</summary>
    public bool IsTerminated => State is "terminated" or "shutting-down";

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the instance lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the instance carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
