using System.Runtime.CompilerServices;
using System.Text.Json;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Functions.Resources.CloudTrailTrail;

/// <summary>
/// The trails whose home region is the session's region (DescribeTrails without shadow trails, so
/// a multi-region trail is evaluated once, where it lives), each read by the adapter.
/// </summary>
public sealed class CloudTrailTrailLister : IResourceLister
{
    private const string DescribeTrails = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails";

    private readonly CloudTrailTrailAdapter _adapter = new();

    /// <inheritdoc />
    public string ResourceType => CloudTrailTrailResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var response = await session.Service("cloudtrail", "CLOUDTRAIL").PostJsonAsync(DescribeTrails, "{\"includeShadowTrails\":false}", cancellationToken);
        foreach (var arn in HomeTrails(response.Body, session.Region))
        {
            if (await _adapter.ReadAsync(session, arn, cancellationToken) is { } fact)
            {
                yield return fact;
            }
        }
    }

    private static List<string> HomeTrails(string body, string region)
    {
        using var document = JsonDocument.Parse(body);
        var trails = new List<string>();
        if (document.RootElement.TryGetProperty("trailList", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var trail in list.EnumerateArray())
            {
                var home = trail.TryGetProperty("HomeRegion", out var h) ? h.GetString() ?? "" : "";
                var id = trail.TryGetProperty("TrailARN", out var a) ? a.GetString() : trail.TryGetProperty("Name", out var n) ? n.GetString() : null;
                if (id is { Length: > 0 } && (home.Length == 0 || home == region))
                {
                    trails.Add(id);
                }
            }
        }

        return trails;
    }
}
