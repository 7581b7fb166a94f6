namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// The instance metadata service settings of one instance, as <c>aws ec2 describe-instances</c>
/// prints them under <c>MetadataOptions</c>: the one element of the <c>metadata</c> collection.
/// </summary>
public sealed record MetadataOptionsFact
{
    /// <summary>The value of <see cref="HttpTokens"/> that refuses IMDSv1 (unsigned) requests.</summary>
    public const string Required = "required";

    /// <summary>The value of <see cref="HttpEndpoint"/> that serves metadata at all.</summary>
    public const string Enabled = "enabled";

    /// <summary>The instance these settings belong to.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>optional</c> (IMDSv1 and v2) or <c>required</c> (IMDSv2 only).</summary>
    public required string HttpTokens { get; init; }

    /// <summary><c>enabled</c> or <c>disabled</c>; EC2's default, <c>enabled</c>, when it says nothing.</summary>
    public string HttpEndpoint { get; init; } = Enabled;

    /// <summary>How many network hops a PUT response for a session token may travel (1 to 64).</summary>
    public int HttpPutResponseHopLimit { get; init; } = 1;

    /// <summary>True when the endpoint serves unsigned IMDSv1 requests: tokens not required and the endpoint enabled.</summary>
    public bool IsV1Allowed => HttpTokens != Required && HttpEndpoint == Enabled;

    /// <summary>"HttpTokens=optional, HttpEndpoint=enabled, HttpPutResponseHopLimit=1".</summary>
    public override string ToString() => $"HttpTokens={HttpTokens}, HttpEndpoint={HttpEndpoint}, HttpPutResponseHopLimit={HttpPutResponseHopLimit}";
}
