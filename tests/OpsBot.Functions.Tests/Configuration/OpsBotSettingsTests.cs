using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Configuration;

public sealed class OpsBotSettingsTests
{
    private static Dictionary<string, string> Complete() => new()
    {
        ["OPSBOT_TABLE"] = "opsbot-state",
        ["OPSBOT_TOPIC_ARN"] = "arn:aws:sns:eu-west-1:123456789012:opsbot-alerts",
        ["OPSBOT_EVENT_BUS"] = "opsbot",
        ["OPSBOT_POLICIES"] = "policies",
        ["AWS_REGION"] = "eu-west-1",
    };

    [Fact]
    public void Reads_every_setting_with_defaults_for_the_optional_ones()
    {
        var settings = OpsBotSettings.Read(new DictionaryEnvironmentVariables(Complete()));

        Assert.Equal(("opsbot-state", "opsbot", "eu-west-1", "OpsBotRemediationRole", false), (settings.TableName, settings.EventBusName, settings.Region, settings.MemberRoleName, settings.ForceNotify));
        Assert.Equal(["policies"], settings.PolicyPaths);
    }

    [Theory]
    [InlineData("OPSBOT_TABLE")]
    [InlineData("OPSBOT_TOPIC_ARN")]
    [InlineData("OPSBOT_EVENT_BUS")]
    [InlineData("OPSBOT_POLICIES")]
    [InlineData("AWS_REGION")]
    public void Names_a_missing_setting(string name)
    {
        var variables = Complete();
        variables.Remove(name);

        var error = Assert.Throws<InvalidSettingException>(() => OpsBotSettings.Read(new DictionaryEnvironmentVariables(variables)));

        Assert.Equal(name, error.Setting);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPSBOT_TOPIC_ARN", "opsbot-alerts")]
    [InlineData("OPSBOT_TABLE", "a b")]
    [InlineData("OPSBOT_FORCE_NOTIFY", "maybe")]
    [InlineData("OPSBOT_MEMBER_ROLE", "role/with/slashes")]
    [InlineData("AWS_REGION", "Ireland")]
    [InlineData("OPSBOT_SWEEP_ACCOUNTS", "prod")]
    [InlineData("OPSBOT_SWEEP_REGIONS", "Frankfurt")]
    public void Names_a_malformed_setting(string name, string value)
    {
        var variables = Complete();
        variables[name] = value;

        var error = Assert.Throws<InvalidSettingException>(() => OpsBotSettings.Read(new DictionaryEnvironmentVariables(variables)));

        Assert.Equal(name, error.Setting);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_sweep_accounts_and_regions_as_lists()
    {
        var variables = Complete();
        variables["OPSBOT_SWEEP_ACCOUNTS"] = "111111111111, 222222222222";
        variables["OPSBOT_SWEEP_REGIONS"] = "eu-west-1,us-east-1";

        var settings = OpsBotSettings.Read(new DictionaryEnvironmentVariables(variables));

        Assert.Equal(["111111111111", "222222222222"], settings.SweepAccounts);
        Assert.Equal(["eu-west-1", "us-east-1"], settings.SweepRegions);
    }

    [Fact]
    public void Reads_the_forced_notify_switch()
    {
        var variables = Complete();
        variables["OPSBOT_FORCE_NOTIFY"] = "true";

        Assert.True(OpsBotSettings.Read(new DictionaryEnvironmentVariables(variables)).ForceNotify);
    }
}
