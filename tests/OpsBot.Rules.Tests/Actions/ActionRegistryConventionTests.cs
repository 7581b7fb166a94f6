using OpsBot.Rules.Actions;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Actions;

public class ActionRegistryConventionTests
{
    public static TheoryData<string> ActionNames => [.. ActionRegistry.Default.All.Select(a => a.Name)];

    [Fact]
    public void The_registry_discovers_every_action_class_of_every_resource_type() =>
        Assert.Equal(
            ["delete-network-acl-entry", "put-public-access-block", "remove-public-acl-grants", "remove-public-db-cluster-snapshot-restore", "remove-public-db-snapshot-restore", "remove-public-image-permission", "remove-public-snapshot-permission", "require-imdsv2", "revoke-matched-egress", "revoke-matched-ingress", "start-logging"],
            ActionRegistry.Default.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Every_action_declares_a_summary_and_the_iam_actions_it_needs(string name)
    {
        var action = ActionRegistry.Default.Find(name)!;

        Assert.False(string.IsNullOrWhiteSpace(action.Summary));
        Assert.NotEmpty(action.IamPermissions);
        Assert.All(action.IamPermissions, p => Assert.Matches("^[a-z0-9]+:[A-Z][A-Za-z]+$", p));
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Every_action_declares_options_with_defaults_of_their_type(string name)
    {
        var action = ActionRegistry.Default.Find(name)!;

        Assert.All(action.Options, o => Assert.IsType(o.Type switch
        {
            ActionOptionType.Boolean => typeof(bool),
            ActionOptionType.Integer => typeof(int),
            _ => typeof(string),
        }, o.Default));
        Assert.All(action.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description)));
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Every_action_example_loads_as_a_policy_using_that_action(string name)
    {
        var action = ActionRegistry.Default.Find(name)!;
        var errors = new List<PolicyError>();

        var policy = new PolicyLoader().LoadText(action.Example, $"{name}.example.yaml", errors);

        Assert.Empty(errors);
        Assert.Equal(name, policy!.Remediation.Action);
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Every_action_fits_a_resource_and_selection_that_exist(string name)
    {
        var action = ActionRegistry.Default.Find(name)!;
        var resource = OpsBot.Rules.Resources.ResourceTypeRegistry.Default.Find(action.ResourceType);

        Assert.NotNull(resource);
        Assert.All(action.Selections, s => Assert.Contains(s, resource.Selections));
    }
}
