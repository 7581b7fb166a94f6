using OpsBot.Functions.Configuration;
using OpsBot.Functions.Sweep;

namespace OpsBot.Functions.Tests.Sweep;

public sealed class SweepOptionsTests
{
    [Fact]
    public void Unset_variables_sweep_the_organization_one_remediation_a_second_within_thirteen_minutes()
    {
        var options = SweepOptions.Read(Environment([]));

        Assert.Equal(new SweepOptions { UseOrganization = true, ActionInterval = TimeSpan.FromSeconds(1), MaxGroups = 10_000, TimeBudget = TimeSpan.FromSeconds(780) }, options);
    }

    [Fact]
    public void The_organization_can_be_turned_off_and_the_pacing_changed()
    {
        var options = SweepOptions.Read(Environment(new()
        {
            [SweepOptions.OrganizationVariable] = "false",
            [SweepOptions.ActionIntervalVariable] = "250",
            [SweepOptions.MaxGroupsVariable] = "50",
            [SweepOptions.TimeBudgetVariable] = "60",
        }));

        Assert.Equal(new SweepOptions { UseOrganization = false, ActionInterval = TimeSpan.FromMilliseconds(250), MaxGroups = 50, TimeBudget = TimeSpan.FromSeconds(60) }, options);
    }

    [Theory]
    [InlineData(SweepOptions.OrganizationVariable, "maybe")]
    [InlineData(SweepOptions.MaxGroupsVariable, "0")]
    [InlineData(SweepOptions.TimeBudgetVariable, "-5")]
    [InlineData(SweepOptions.ActionIntervalVariable, "1s")]
    public void A_malformed_value_is_rejected_with_its_name(string variable, string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => SweepOptions.Read(Environment(new() { [variable] = value })));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    private static DictionaryEnvironmentVariables Environment(Dictionary<string, string> values) => new(values);
}
