using OpsBot.Functions.Brakes;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Brakes;

public sealed class BrakeSettingsTests
{
    [Fact]
    public void Unset_variables_keep_twenty_actions_per_account_per_ten_minutes_and_sixty_a_minute_overall()
    {
        var settings = BrakeSettings.Read(Environment([]));

        Assert.Equal(new BrakeSettings(20, TimeSpan.FromMinutes(10), 60, TimeSpan.FromMinutes(1)), settings);
    }

    [Fact]
    public void The_limits_are_read_from_the_environment_and_the_windows_stay_fixed()
    {
        var settings = BrakeSettings.Read(Environment(new()
        {
            [BrakeSettings.AccountActionsVariable] = "5",
            [BrakeSettings.BreakerActionsVariable] = " 200 ",
        }));

        Assert.Equal(new BrakeSettings(5, TimeSpan.FromMinutes(10), 200, TimeSpan.FromMinutes(1)), settings);
    }

    [Fact]
    public void Breaker_approvers_are_slack_user_ids_and_none_by_default()
    {
        var none = BrakeSettings.Read(Environment([]));
        var two = BrakeSettings.Read(Environment(new() { [BrakeSettings.BreakerApproversVariable] = " U0SECOPS, W0ONCALL " }));

        Assert.Empty(none.BreakerApprovers);
        Assert.Equal(["U0SECOPS", "W0ONCALL"], two.BreakerApprovers);
    }

    [Fact]
    public void A_breaker_approver_that_is_not_a_user_id_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidSettingException>(() => BrakeSettings.Read(Environment(new() { [BrakeSettings.BreakerApproversVariable] = "U0SECOPS,#security" })));

        Assert.Contains(BrakeSettings.BreakerApproversVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("'#security' is not a Slack user id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_settings_carry_the_brakes()
    {
        var settings = OpsBotSettings.Read(Environment(new()
        {
            [OpsBotSettings.TableVariable] = "opsbot-state",
            [OpsBotSettings.TopicVariable] = "arn:aws:sns:eu-west-1:123456789012:opsbot-alerts",
            [OpsBotSettings.EventBusVariable] = "opsbot",
            [OpsBotSettings.PoliciesVariable] = "policies",
            [OpsBotSettings.RegionVariable] = "eu-west-1",
            [BrakeSettings.AccountActionsVariable] = "7",
        }));

        Assert.Equal(7, settings.Brakes.AccountActions);
    }

    [Theory]
    [InlineData(BrakeSettings.AccountActionsVariable, "0")]
    [InlineData(BrakeSettings.AccountActionsVariable, "twenty")]
    [InlineData(BrakeSettings.BreakerActionsVariable, "-1")]
    public void A_malformed_value_is_rejected_with_its_name(string variable, string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => BrakeSettings.Read(Environment(new() { [variable] = value })));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    private static DictionaryEnvironmentVariables Environment(Dictionary<string, string> values) => new(values);
}
