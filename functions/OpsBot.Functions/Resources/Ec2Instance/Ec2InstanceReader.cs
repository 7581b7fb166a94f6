using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Functions.Resources.Ec2Instance;

/// <summary>
/// Reads an instance's live state the way its offline state document describes it (see
/// <see cref="InstanceStateReader"/>): DescribeInstances' state, tags and <c>MetadataOptions</c>,
/// where a missing endpoint setting or hop limit is EC2's default.
/// </summary>
internal static class Ec2InstanceReader
{
    public static async Task<InstanceFact?> ReadAsync(IAmazonEC2 ec2, string instanceId, CancellationToken cancellationToken)
    {
        DescribeInstancesResponse response;
        try
        {
            response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode == "InvalidInstanceID.NotFound")
        {
            return null;
        }

        var instance = (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId);
        return instance is null ? null : ToFact(instance);
    }

    public static InstanceFact ToFact(Instance instance)
    {
        var options = instance.MetadataOptions;
        return new InstanceFact
        {
            InstanceId = instance.InstanceId,
            State = instance.State?.Name?.Value ?? "",
            MetadataOptions = new MetadataOptionsFact
            {
                InstanceId = instance.InstanceId,

                // An instance always has a tokens setting; one EC2 does not report is EC2's default.
                HttpTokens = options?.HttpTokens?.Value is { Length: > 0 } tokens ? tokens : "optional",
                HttpEndpoint = options?.HttpEndpoint?.Value is { Length: > 0 } endpoint ? endpoint : MetadataOptionsFact.Enabled,
                HttpPutResponseHopLimit = options?.HttpPutResponseHopLimit ?? 1,
            },
            Tags = (instance.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        };
    }
}
