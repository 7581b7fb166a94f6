namespace OpsBot.Rules.Resources;

/// <summary>
/// Where an event says a resource is: by id, or (for security groups created by name in a default
/// VPC or by CloudFormation) by name within an optional VPC.
/// </summary>
/// <param name="ResourceType">The resource type's policy name, e.g. <c>aws.ec2.security-group</c>.</param>
/// <param name="Id">The resource id, or null when the event names the resource only.</param>
/// <param name="Name">The resource name when the event gives no id.</param>
/// <param name="VpcId">The VPC of a named group, when the event gives it.</param>
public sealed record ResourceReference(string ResourceType, string? Id, string? Name = null, string? VpcId = null)
{
    /// <summary>A readable form: the id, or "name (vpc)".</summary>
    public override string ToString() => Id ?? (VpcId is null ? $"name:{Name}" : $"name:{Name} in {VpcId}");
}
