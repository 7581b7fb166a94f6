using OpsBot.Functions.State;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// template.yaml derives the event handler's timeout, the claim lease it is told and the queue's
/// visibility timeout from one parameter; the lease must outlast an invocation and lapse before a
/// message reappears, or a redelivery after a crash is taken for a duplicate and the event is lost.
/// </summary>
public sealed class ClaimLeaseTemplateTests
{
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");

    public static TheoryData<int> AllowedTimeouts()
    {
        var parameter = CfnTemplate.Map(CfnTemplate.Map(Central.Root, "Parameters"), "EventHandlerTimeout");
        var data = new TheoryData<int>();
        foreach (var value in CfnTemplate.Strings(CfnTemplate.Child(parameter, "AllowedValues")))
        {
            data.Add(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTimeouts))]
    public void Every_allowed_timeout_gives_a_lease_that_lapses_before_the_queue_shows_the_message_again(int timeout)
    {
        var row = CfnTemplate.Map(CfnTemplate.Map(CfnTemplate.Map(Central.Root, "Mappings"), "EventHandlerTimeouts"), timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var visibility = TimeSpan.FromSeconds(int.Parse(CfnTemplate.Scalar(row, "VisibilityTimeout")!, System.Globalization.CultureInfo.InvariantCulture));

        var lease = ClaimLease.ForFunction(TimeSpan.FromSeconds(timeout));

        Assert.True(lease.Lease > lease.FunctionTimeout, $"lease {lease.Lease} must outlast the invocation");
        Assert.True(lease.Lease < visibility, $"lease {lease.Lease} must lapse before the visibility timeout {visibility}");
        Assert.True(visibility >= TimeSpan.FromSeconds(6 * timeout), $"visibility {visibility} must be at least 6x the timeout, as Lambda's SQS event source asks");
        lease.EnsureBelow(visibility);
    }

    [Fact]
    public void The_function_timeout_the_lease_and_the_visibility_timeout_all_come_from_the_one_parameter()
    {
        var handler = Central.Properties("EventHandler");
        var variables = CfnTemplate.Map(CfnTemplate.Map(handler, "Environment"), "Variables");
        var visibility = CfnTemplate.Child(Central.Properties("EventQueue"), "VisibilityTimeout") as YamlSequenceNode;

        AssertRef("EventHandlerTimeout", CfnTemplate.Child(handler, "Timeout"));
        AssertRef("EventHandlerTimeout", CfnTemplate.Child(variables, "OPSBOT_FUNCTION_TIMEOUT_SECONDS"));
        Assert.NotNull(visibility);
        Assert.Equal("!FindInMap", visibility.Tag.Value);
        Assert.Equal("EventHandlerTimeouts", ((YamlScalarNode)visibility.Children[0]).Value);
        AssertRef("EventHandlerTimeout", visibility.Children[1]);
    }

    [Fact]
    public void A_lease_that_outlives_the_visibility_timeout_is_refused_with_the_reason()
    {
        var lease = ClaimLease.ForFunction(TimeSpan.FromSeconds(60));

        var error = Assert.Throws<OpsBot.Functions.Configuration.InvalidSettingException>(() => lease.EnsureBelow(TimeSpan.FromSeconds(60)));

        Assert.Contains("must be shorter than the queue's visibility timeout (60 s)", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRef(string parameter, YamlNode? node)
    {
        var scalar = Assert.IsType<YamlScalarNode>(node);
        Assert.Equal(("!Ref", parameter), (scalar.Tag.Value, scalar.Value));
    }
}
