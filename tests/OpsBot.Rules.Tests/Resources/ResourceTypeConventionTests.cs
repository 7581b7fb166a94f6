using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Tests.Resources;

public class ResourceTypeConventionTests
{
    public static TheoryData<string> Types() => [.. ResourceTypeRegistry.Default.All.Select(t => t.Name)];

    private static IResourceType Type(string name) => ResourceTypeRegistry.Default.Find(name)!;

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_has_a_dotted_name_an_event_source_and_triggers(string name)
    {
        var type = Type(name);

        Assert.Matches("^aws\\.[a-z0-9]+\\.[a-z0-9-]+$", type.Name);
        Assert.EndsWith(".amazonaws.com", type.EventSource, StringComparison.Ordinal);
        Assert.NotEmpty(type.EventNames);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_declares_its_fact_variable_and_collections(string name)
    {
        var type = Type(name);

        Assert.Matches("^[a-z][A-Za-z]*$", type.Variable);
        Assert.Contains(type.FactType, type.ExpressionTypes);
        Assert.NotEmpty(type.Collections);
        Assert.All(type.Collections, c =>
        {
            Assert.Matches("^[a-z][a-z-]*$", c.Name);
            Assert.Matches("^[a-z][A-Za-z]*$", c.Variable);
            Assert.NotEqual(type.Variable, c.Variable);
            Assert.NotEmpty(c.ElementNoun);
            Assert.Contains(c.ElementType, type.ExpressionTypes);
        });
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Collections_that_share_an_element_type_each_say_which_elements_are_theirs(string name)
    {
        var shared = Type(name).Collections.GroupBy(c => c.ElementType).Where(g => g.Count() > 1);

        Assert.All(shared.SelectMany(g => g), c => Assert.NotNull(c.Membership));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_reads_its_offline_state_document(string name)
    {
        var type = Type(name);

        Assert.NotEmpty(type.StateDocument);
        Assert.Throws<OpsBot.Rules.Facts.StateFormatException>(() => type.ReadState("not json", null));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_has_an_action_and_every_action_selects_its_collections(string name)
    {
        var type = Type(name);
        var actions = ActionRegistry.Default.All.Where(a => a.ResourceType == type.Name).ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.All(a.Selections, s => Assert.Contains(s, type.Selections)));
    }
}
