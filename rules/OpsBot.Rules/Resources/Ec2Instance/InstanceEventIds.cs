using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// Where the instance ids of an instance call are: <c>RunInstances</c> lists the launched instances
/// in <c>responseElements.instancesSet.items</c> (a bare object for one); <c>ModifyInstanceMetadataOptions</c>
/// nests its request one level deeper than most, in <c>requestParameters.ModifyInstanceMetadataOptionsRequest.InstanceId</c>.
/// </summary>
internal static class InstanceEventIds
{
    public const string ModifyRequest = "ModifyInstanceMetadataOptionsRequest";

    public static IReadOnlyList<string> Read(CloudTrailEvent cloudTrailEvent)
    {
        if (cloudTrailEvent.EventName == "RunInstances")
        {
            return [.. CloudTrailJson.Items(cloudTrailEvent.ResponseElements, "instancesSet")
                .Select(i => CloudTrailJson.String(i, "instanceId"))
                .OfType<string>()
                .Where(id => id.Length > 0)
                .Distinct(StringComparer.Ordinal)];
        }

        var request = CloudTrailJson.Object(cloudTrailEvent.RequestParameters, ModifyRequest) ?? cloudTrailEvent.RequestParameters;
        var id = CloudTrailJson.String(request, "InstanceId") ?? CloudTrailJson.String(request, "instanceId");
        return id is { Length: > 0 } ? [id] : [];
    }

    public static string Where(string eventName) => eventName == "RunInstances"
        ? "no instanceId in responseElements.instancesSet"
        : $"no InstanceId in requestParameters.{ModifyRequest}";
}
