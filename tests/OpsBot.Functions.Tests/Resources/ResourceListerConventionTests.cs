using OpsBot.Functions.Resources;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>Every resource type policies can name can be listed account-wide, for live scans and sweeps.</summary>
public sealed class ResourceListerConventionTests
{
    [Fact]
    public void Every_resource_type_has_a_lister()
    {
        var missing = ResourceTypeRegistry.Default.All
            .Where(t => ResourceListers.Default.Find(t.Name) is null)
            .Select(t => t.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_lister_names_a_resource_type_policies_can_name()
    {
        var unknown = ResourceListers.Default.All
            .Where(l => ResourceTypeRegistry.Default.Find(l.ResourceType) is null)
            .Select(l => l.ResourceType);

        Assert.Empty(unknown);
    }
}
