using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Functions.Resources.Ec2Instance;

/// <summary>
/// EC2 instances in a member account. <c>require-imdsv2</c> sets HttpTokens to required and keeps
/// the metadata settings it replaced; undo puts those settings back exactly (tokens, endpoint and
/// hop limit).
/// </summary>
public sealed class Ec2InstanceAdapter : IResourceAdapter
{
    private const string RequireTokens = "require-imdsv2";

    /// <inheritdoc />
    public string ResourceType => Ec2InstanceResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.When("ec2:ModifyInstanceMetadataOptions", RestoreCondition.Equal("ec2:MetadataHttpTokens", ["optional"])),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await Ec2InstanceReader.ReadAsync(session.Ec2, resourceId, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var instance = resource as InstanceFact ?? throw new ArgumentException($"expected an instance, got {resource?.GetType().Name}", nameof(resource));
        if (plan.Action != RequireTokens)
        {
            throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }

        var options = instance.MetadataOptions;
        return new ResourceChange(
            RequireTokens,
            instance.InstanceId,
            $"require IMDSv2 session tokens on {instance.InstanceId} (was: HttpTokens={options.HttpTokens}; HttpEndpoint {options.HttpEndpoint} and hop limit {options.HttpPutResponseHopLimit} kept)",
            [options.ToString()],
            MetadataOptionsJson.Write(options));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var earlier = MetadataOptionsJson.Read(change.ResourceId, change.Before);

        // The endpoint and hop limit are sent as they were so that only the tokens setting changes,
        // whatever the service does with the settings a request leaves out.
        await ModifyAsync(session.Ec2, earlier with { HttpTokens = MetadataOptionsFact.Required }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        await ModifyAsync(session.Ec2, MetadataOptionsJson.Read(change.ResourceId, change.Before), cancellationToken);
    }

    private static Task ModifyAsync(IAmazonEC2 ec2, MetadataOptionsFact options, CancellationToken cancellationToken) =>
        ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = options.InstanceId,
            HttpTokens = new HttpTokensState(options.HttpTokens),
            HttpEndpoint = new InstanceMetadataEndpointState(options.HttpEndpoint),
            HttpPutResponseHopLimit = options.HttpPutResponseHopLimit,
        }, cancellationToken);
}
