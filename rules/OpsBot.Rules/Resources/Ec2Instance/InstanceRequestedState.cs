using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// Instances as one call asked for them: the <c>metadataOptions</c> of <c>RunInstances</c> (none
/// means EC2's default, tokens optional, unless a launch template sets them, which the event does
/// not show) or the settings <c>ModifyInstanceMetadataOptions</c> changed. Nothing when the event
/// does not say what the tokens setting is.
/// </summary>
internal static class InstanceRequestedState
{
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, IReadOnlyList<string> ids)
    {
        var request = cloudTrailEvent.RequestParameters;
        string? tokens;
        string? endpoint;
        int? hops;
        if (cloudTrailEvent.EventName == "RunInstances")
        {
            var options = CloudTrailJson.Object(request, "metadataOptions");
            if (options is null && CloudTrailJson.Object(request, "launchTemplate") is not null)
            {
                return [];
            }

            tokens = options is { } o ? CloudTrailJson.String(o, "httpTokens") : null;
            tokens ??= "optional";
            endpoint = options is { } e ? CloudTrailJson.String(e, "httpEndpoint") : null;
            hops = options is { } h ? CloudTrailJson.Int(h, "httpPutResponseHopLimit") : null;
        }
        else
        {
            var modify = CloudTrailJson.Object(request, InstanceEventIds.ModifyRequest) ?? request;
            tokens = CloudTrailJson.String(modify, "HttpTokens");
            endpoint = CloudTrailJson.String(modify, "HttpEndpoint");
            hops = CloudTrailJson.Int(modify, "HttpPutResponseHopLimit");
            if (tokens is null)
            {
                return [];
            }
        }

        return [.. ids.Select(id => new InstanceFact
        {
            InstanceId = id,
            MetadataOptions = new MetadataOptionsFact
            {
                InstanceId = id,
                HttpTokens = tokens,
                HttpEndpoint = endpoint ?? MetadataOptionsFact.Enabled,
                HttpPutResponseHopLimit = hops ?? 1,
            },
        })];
    }
}
