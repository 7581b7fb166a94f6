using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.Ec2Image;

namespace OpsBot.Functions.Resources.Ec2Image;

/// <summary>
/// AMIs in a member account. <c>remove-public-image-permission</c> removes the launch permission of
/// the group <c>all</c> and keeps every share with an account, organization or OU; the permissions
/// the image had are recorded, and undo adds the group permission back, leaving the shares as they
/// are by then.
/// </summary>
public sealed class Ec2ImageAdapter : IResourceAdapter
{
    private const string RemovePublic = "remove-public-image-permission";

    /// <inheritdoc />
    public string ResourceType => Ec2ImageResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.When("ec2:ModifyImageAttribute", RestoreCondition.Present("ec2:Add/group", "all")),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await ImageReader.ReadAsync(session.Ec2, resourceId, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var image = resource as ImageFact ?? throw new ArgumentException($"expected an image, got {resource?.GetType().Name}", nameof(resource));
        if (plan.Action != RemovePublic)
        {
            throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }

        var removed = plan.Elements.OfType<LaunchPermissionFact>().Where(p => p.IsPublic).ToList();
        var kept = image.Permissions.Count(p => !p.IsPublic);
        return new ResourceChange(
            RemovePublic,
            image.ImageId,
            $"remove the launch permission of {string.Join(", ", removed)} from {image.ImageId}, keeping {kept} share(s) with specific accounts, organizations or OUs",
            [.. removed.Select(p => p.ToString())],
            ImageStateJson.Permissions(image));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        await ModifyAsync(session.Ec2, change, restore: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        await ModifyAsync(session.Ec2, change, restore: true, cancellationToken);
    }

    // Only the public group permissions recorded in Before are removed and put back: the shares were
    // never touched, so undo must not re-add one a user has removed since.
    private static async Task ModifyAsync(IAmazonEC2 ec2, ResourceChange change, bool restore, CancellationToken cancellationToken)
    {
        List<LaunchPermission> groups = [.. ImageStateJson.ReadPermissions(change.Before).Where(p => p.IsPublic).Distinct().Select(ImageReader.ToPermission)];
        if (groups.Count == 0)
        {
            return;
        }

        var modifications = restore ? new LaunchPermissionModifications { Add = groups } : new LaunchPermissionModifications { Remove = groups };
        await ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = change.ResourceId, LaunchPermission = modifications }, cancellationToken);
    }
}
