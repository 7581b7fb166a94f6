using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>
/// Removes the <c>all</c> group from an image's launch permissions, so only the accounts,
/// organizations and organizational units it is shared with can launch it; those shares stay, and
/// the permissions the image had are the restorable state.
/// </summary>
public sealed class RemovePublicImagePermission : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "remove-public-image-permission";

    /// <inheritdoc />
    public string Summary => "Remove the launch permission of the group 'all' from the image and keep its shares with specific accounts, organizations and OUs.";

    /// <inheritdoc />
    public string ResourceType => Ec2ImageResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["permissions"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["ec2:DescribeImages", "ec2:DescribeImageAttribute", "ec2:ModifyImageAttribute"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the image's launch permissions after the change and report whether it now complies."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-ec2-image-public
        title: AMIs must not be public
        severity: high
        resource: aws.ec2.image
        triggers: [ModifyImageAttribute]
        select: permissions
        when: permission.IsPublic
        unless: image.Tag("opsbot:exempt") == "true"
        remediation:
          action: remove-public-image-permission
          mode: enforce
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ImageRemediationOptions(values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        List<object> remove = [.. decision.Elements.OfType<LaunchPermissionFact>().Where(p => p.IsPublic)];
        return new RemediationPlan(Name, decision.ResourceId, [], remove.Count == 0 ? "none of the matched permissions is to the group 'all', so there is nothing this action removes" : null)
        {
            Elements = remove,
        };
    }
}
