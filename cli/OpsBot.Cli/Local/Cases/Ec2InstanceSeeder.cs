using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Instance;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Launches the instances of an <c>aws ec2 describe-instances</c> document, from one of the
/// emulator's own images, with each instance's metadata options and tags.
/// </summary>
public sealed class Ec2InstanceSeeder : ICaseSeeder
{
    /// <inheritdoc />
    public string ResourceType => Ec2InstanceResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(context.StateDocument);
        var instances = Items(document.RootElement, "Reservations").SelectMany(r => Items(r, "Instances")).ToList();
        if (instances.Count == 0)
        {
            return CaseSeed.Skip("the state document holds no instance to launch");
        }

        using var ec2 = context.Topology.Runtime.Clients.CreateEc2(context.Topology.MemberCredentials, context.Topology.Region);
        var image = await AnyImageAsync(ec2, cancellationToken);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var request = new RunInstancesRequest(image, 1, 1) { InstanceType = InstanceType.T3Micro };
            if (instance.TryGetProperty("MetadataOptions", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
            {
                request.MetadataOptions = new InstanceMetadataOptionsRequest
                {
                    HttpTokens = Text(metadata, "HttpTokens") is { } tokens ? new HttpTokensState(tokens) : null,
                    HttpEndpoint = Text(metadata, "HttpEndpoint") is { } endpoint ? new InstanceMetadataEndpointState(endpoint) : null,
                };
            }

            var tags = Items(instance, "Tags").Select(t => new Tag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();
            if (tags.Count > 0)
            {
                request.TagSpecifications = [new TagSpecification { ResourceType = Amazon.EC2.ResourceType.Instance, Tags = tags }];
            }

            var launched = (await ec2.RunInstancesAsync(request, cancellationToken)).Reservation.Instances[0].InstanceId;
            ids[Text(instance, "InstanceId") ?? launched] = launched;
        }

        return CaseSeed.Created(ids);
    }

    /// <summary>An image the emulator can launch (it ships a list of its own).</summary>
    public static async Task<string> AnyImageAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        var images = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] }, cancellationToken)).Images ?? [];
        return images.FirstOrDefault()?.ImageId ?? throw new InvalidOperationException("the emulator lists no image to launch an instance from");
    }
}
