using OpsBot.Functions.Resources;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>Every resource type policies can name has a functions side: an adapter that acts on it.</summary>
public sealed class ResourceAdapterConventionTests
{
    [Fact]
    public void Every_resource_type_has_an_adapter()
    {
        var missing = ResourceTypeRegistry.Default.All
            .Where(t => ResourceAdapters.Default.Find(t.Name) is null)
            .Select(t => t.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_action_is_understood_by_its_adapter()
    {
        foreach (var action in ActionRegistry.Default.All)
        {
            var adapter = ResourceAdapters.Default.Find(action.ResourceType)!;
            var resource = Activator.CreateInstance(ResourceTypeRegistry.Default.Find(action.ResourceType)!.FactType)!;

            var change = adapter.Describe(resource, new RemediationPlan(action.Name, "resource", []) { Elements = [] });

            Assert.Equal(action.Name, change.Action);
            Assert.False(string.IsNullOrWhiteSpace(change.Before), $"{action.Name}: the change keeps no earlier state to undo to");
        }
    }
}
