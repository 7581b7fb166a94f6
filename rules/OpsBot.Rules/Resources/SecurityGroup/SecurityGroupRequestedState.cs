using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources;

/// <summary>A security group holding only the rules an event asked for (no tags, no other rules).</summary>
internal static class SecurityGroupRequestedState
{
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, IReadOnlyList<ResourceReference> references)
    {
        var elements = SecurityGroupChangeReader.Read(cloudTrailEvent);
        return [.. references.Select(r => SecurityGroupFactBuilder.Build(
            new SecurityGroupFact { GroupId = r.Id ?? "", GroupName = r.Name ?? "", VpcId = r.VpcId ?? "" },
            elements))];
    }
}
