using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// Slack can be left out of template.yaml: the Slack parameters default to empty, and the Slack
/// app's resources and its secret's permissions exist only under the SlackApp condition (a secret
/// ARN given). Webhook mode needs only SlackWebhookUrl.
/// </summary>
public sealed class SlackOptionalTemplateTests
{
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");

    private static readonly string[] SlackParameters = ["SlackSecretArn", "SlackChannel", "SlackWebhookUrl", "SlackUndoUsers", "SlackActorUsers"];

    private static readonly string[] SlackAppResources =
        ["SlackApi", "SlackInteractions", "SlackInteractionsLogGroup", "SlackInteractionsErrorsAlarm", "SlackInteractionsThrottlesAlarm"];

    [ToolFact("cfn-lint")]
    public void Cfn_lint_passes_the_template_with_every_slack_parameter_left_at_its_empty_default()
    {
        // cfn-lint checks each Default against its AllowedPattern (E2015) and lints both branches of
        // every condition, so a clean run with empty defaults is a clean run with Slack left out.
        Assert.All(SlackParameters, name => Assert.Equal("", CfnTemplate.Scalar(Parameter(name), "Default")));

        var (exitCode, stdout, stderr) = Tools.Run("cfn-lint", ["--include-checks", "I", "--", "template.yaml"], Repo.Root);

        Assert.True(exitCode == 0 && stdout.Trim().Length == 0 && stderr.Trim().Length == 0, $"cfn-lint exited {exitCode}:\n{stdout}\n{stderr}");
    }

    [Theory]
    [InlineData("SlackSecretArn", "arn:aws:secretsmanager:us-east-1:111111111111:secret:opsbot/slack-AbCdEf", "opsbot/slack")]
    [InlineData("SlackChannel", "C0123456789", "#alerts")]
    [InlineData("SlackWebhookUrl", "https://hooks.slack.com/services/T000/B000/XXXX", "hooks.slack.com/services/T000")]
    [InlineData("SlackActorUsers", "U0ALICE=arn:aws:iam::111111111111:user/alice,U0BOB=arn:aws:sts::111111111111:assumed-role/Admin/bob", "U0ALICE=alice")]
    public void A_slack_parameter_admits_empty_or_a_well_formed_value_and_nothing_else(string name, string wellFormed, string malformed)
    {
        var pattern = new Regex(CfnTemplate.Scalar(Parameter(name), "AllowedPattern")!);

        Assert.Matches(pattern, "");
        Assert.Matches(pattern, wellFormed);
        Assert.DoesNotMatch(pattern, malformed);
    }

    [Fact]
    public void The_slack_app_condition_holds_exactly_when_a_secret_arn_is_given()
    {
        var condition = Assert.IsType<YamlSequenceNode>(CfnTemplate.Child(CfnTemplate.Map(Central.Root, "Conditions"), "SlackApp"));
        Assert.Equal("!Not", condition.Tag.Value);
        var equals = Assert.IsType<YamlSequenceNode>(Assert.Single(condition.Children));

        var (left, right) = ((YamlScalarNode)equals.Children[0], (YamlScalarNode)equals.Children[1]);

        Assert.Equal("!Equals", equals.Tag.Value);
        Assert.Equal(("!Ref", "SlackSecretArn"), (left.Tag.Value, left.Value));
        Assert.Equal("", right.Value);
    }

    [Fact]
    public void The_slack_app_resources_and_outputs_exist_only_under_the_slack_app_condition()
    {
        var outputs = CfnTemplate.Map(Central.Root, "Outputs");

        Assert.All(SlackAppResources, id => Assert.Equal("SlackApp", CfnTemplate.Scalar(Central.Resource(id), "Condition")));
        Assert.All(["SlackInteractivityUrl", "SlackInteractionsRoleArn"], id => Assert.Equal("SlackApp", CfnTemplate.Scalar(CfnTemplate.Map(outputs, id), "Condition")));
    }

    [Fact]
    public void Only_the_slack_app_may_read_the_slack_secret()
    {
        foreach (var function in Central.ResourcesOfType("AWS::Serverless::Function"))
        {
            var appOnly = CfnTemplate.Scalar(Central.Resource(function), "Condition") == "SlackApp";
            var statements = ((YamlSequenceNode)CfnTemplate.Child(Central.Properties(function), "Policies")!).Children
                .OfType<YamlMappingNode>()
                .SelectMany(p => ((YamlSequenceNode)CfnTemplate.Child(p, "Statement")!).Children);

            var secretReaders = statements.Where(s => NamesSecret(s)).ToList();

            var reader = Assert.Single(secretReaders);
            Assert.True(appOnly || CfnTemplate.IsIf(reader, "SlackApp"), $"{function} reads the Slack secret without the SlackApp condition at {reader.Start}");
        }
    }

    [Fact]
    public void The_functions_are_told_the_webhook_url_for_webhook_mode()
    {
        var variables = CfnTemplate.Map(CfnTemplate.Map(CfnTemplate.Map(CfnTemplate.Map(Central.Root, "Globals"), "Function"), "Environment"), "Variables");

        Assert.Equal("SlackWebhookUrl", EventDeliveryTests.RefOf(CfnTemplate.Child(variables, "OPSBOT_SLACK_WEBHOOK_URL")));
        Assert.Equal("true", CfnTemplate.Scalar(Parameter("SlackWebhookUrl"), "NoEcho"));
    }

    private static YamlMappingNode Parameter(string name) => CfnTemplate.Map(CfnTemplate.Map(Central.Root, "Parameters"), name);

    private static bool NamesSecret(YamlNode node) => node switch
    {
        YamlScalarNode { Value: "SlackSecretArn" } scalar => CfnTemplate.TagOf(scalar) == "!Ref",
        YamlMappingNode map => map.Children.Values.Any(NamesSecret),
        YamlSequenceNode seq => seq.Children.Any(NamesSecret),
        _ => false,
    };
}
