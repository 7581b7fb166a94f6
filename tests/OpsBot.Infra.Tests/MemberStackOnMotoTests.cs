using OpsBot.Cli.Local;
using System.Text.Json;
using OpsBot.Rules.Resources;

namespace OpsBot.Infra.Tests;

/// <summary>
/// infra/member-account.yaml, created through CloudFormation on a local moto server, gives the
/// forwarding rule (with its target, role, retry policy and dead-letter queue) and, in the role
/// region only, the remediation role. moto's CloudFormation skips the queue policy and the alarms
/// (no support for AWS::SQS::QueuePolicy or AWS::CloudWatch::Alarm); ForwardingDeadLetterTests
/// checks those in the template.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MemberStackOnMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string CentralBus = "arn:aws:events:us-east-1:111111111111:event-bus/opsbot-central";
    private const string TrustedRoles = "arn:aws:iam::111111111111:role/opsbot-EventHandlerRole-A,arn:aws:iam::111111111111:role/opsbot-SlackInteractionsRole-B,arn:aws:iam::111111111111:role/opsbot-SweeperRole-C";

    [ToolFact("moto_server", "aws")]
    public void The_member_stack_creates_the_forwarding_rule_and_the_remediation_role_in_the_role_region()
    {
        CreateStack("us-east-1", "opsbot-member");

        var rule = ForwardingRule("us-east-1");
        Assert.Equal("ENABLED", rule.GetProperty("State").GetString());
        Assert.Equal("default", rule.GetProperty("EventBusName").GetString());
        using var pattern = JsonDocument.Parse(rule.GetProperty("EventPattern").GetString()!);
        var eventNames = pattern.RootElement.GetProperty("detail").GetProperty("eventName").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Superset(ResourceTypeRegistry.Default.All.SelectMany(r => r.EventNames).ToHashSet<string?>(), eventNames.ToHashSet());

        var target = Assert.Single(Aws("us-east-1", "events", "list-targets-by-rule", "--rule", rule.GetProperty("Name").GetString()!).RootElement.GetProperty("Targets").EnumerateArray());
        Assert.Equal(CentralBus, target.GetProperty("Arn").GetString());
        Assert.StartsWith("arn:aws:iam::123456789012:role/", target.GetProperty("RoleArn").GetString(), StringComparison.Ordinal);

        var role = Aws("us-east-1", "iam", "get-role", "--role-name", "OpsBotRemediationRole").RootElement.GetProperty("Role");
        var trust = role.GetProperty("AssumeRolePolicyDocument").GetRawText();
        foreach (var trusted in TrustedRoles.Split(','))
        {
            Assert.Contains(trusted, trust, StringComparison.Ordinal);
        }

        var policies = Aws("us-east-1", "iam", "list-role-policies", "--role-name", "OpsBotRemediationRole").RootElement.GetProperty("PolicyNames");
        Assert.Equal(["OpsBotRemediation"], policies.EnumerateArray().Select(p => p.GetString()));

        var statement = role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0];
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        var equals = statement.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal("111111111111", equals.GetProperty("aws:PrincipalAccount").GetString());
        Assert.False(equals.TryGetProperty("aws:PrincipalOrgID", out _));
    }

    [ToolFact("moto_server", "aws")]
    public void With_an_organization_id_the_remediation_role_trusts_only_callers_inside_the_organization()
    {
        CreateStack("us-east-1", "opsbot-member-org", "ParameterKey=RemediationRoleName,ParameterValue=OpsBotRemediationRoleOrg", "ParameterKey=OrganizationId,ParameterValue=o-a1b2c3d4e5");

        var role = Aws("us-east-1", "iam", "get-role", "--role-name", "OpsBotRemediationRoleOrg").RootElement.GetProperty("Role");
        var equals = role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0].GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal("o-a1b2c3d4e5", equals.GetProperty("aws:PrincipalOrgID").GetString());
        Assert.Equal("111111111111", equals.GetProperty("aws:PrincipalAccount").GetString());
    }

    [ToolFact("moto_server", "aws")]
    public void The_member_stack_in_another_region_forwards_events_without_a_second_remediation_role()
    {
        CreateStack("eu-west-1", "opsbot-member-eu");

        var rule = ForwardingRule("eu-west-1");
        Assert.Equal("ENABLED", rule.GetProperty("State").GetString());

        var resources = Aws("eu-west-1", "cloudformation", "list-stack-resources", "--stack-name", "opsbot-member-eu").RootElement
            .GetProperty("StackResourceSummaries").EnumerateArray()
            .Select(r => r.GetProperty("LogicalResourceId").GetString())
            .ToList();
        Assert.Contains("ForwardingRule", resources);
        Assert.Contains("ForwardingRole", resources);
        Assert.DoesNotContain("RemediationRole", resources);
    }

    [ToolFact("moto_server", "aws")]
    public void The_member_stack_forwards_with_a_day_of_retries_then_into_an_encrypted_dead_letter_queue_kept_14_days()
    {
        CreateStack("ap-southeast-2", "opsbot-member-dlq");

        var rule = ForwardingRule("ap-southeast-2");
        var target = Assert.Single(Aws("ap-southeast-2", "events", "list-targets-by-rule", "--rule", rule.GetProperty("Name").GetString()!).RootElement.GetProperty("Targets").EnumerateArray());
        var retry = target.GetProperty("RetryPolicy");
        Assert.Equal((185, 86400), (retry.GetProperty("MaximumRetryAttempts").GetInt32(), retry.GetProperty("MaximumEventAgeInSeconds").GetInt32()));
        var deadLetterArn = target.GetProperty("DeadLetterConfig").GetProperty("Arn").GetString()!;
        Assert.StartsWith("arn:aws:sqs:ap-southeast-2:123456789012:opsbot-member-dlq-ForwardingDeadLetterQueue-", deadLetterArn, StringComparison.Ordinal);

        var queueUrl = Aws("ap-southeast-2", "sqs", "get-queue-url", "--queue-name", deadLetterArn.Split(':')[^1]).RootElement.GetProperty("QueueUrl").GetString()!;
        var attributes = Aws("ap-southeast-2", "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "All").RootElement.GetProperty("Attributes");
        Assert.Equal(deadLetterArn, attributes.GetProperty("QueueArn").GetString());
        Assert.Equal("1209600", attributes.GetProperty("MessageRetentionPeriod").GetString());
        Assert.Equal("true", attributes.GetProperty("SqsManagedSseEnabled").GetString());
    }

    private void CreateStack(string region, string name, params string[] parameters)
    {
        string[] args =
        [
            "cloudformation", "create-stack",
            "--stack-name", name,
            "--template-body", File.ReadAllText(Repo.PathOf("infra/member-account.yaml")),
            "--capabilities", "CAPABILITY_NAMED_IAM",
            "--parameters",
            $"ParameterKey=CentralEventBusArn,ParameterValue={CentralBus}",
            $"ParameterKey=CentralFunctionRoleArns,ParameterValue=\"{TrustedRoles}\"",
            "ParameterKey=RemediationRoleRegion,ParameterValue=us-east-1",
            .. parameters,
        ];
        Aws(region, args);
        var stack = Aws(region, "cloudformation", "describe-stacks", "--stack-name", name).RootElement.GetProperty("Stacks")[0];
        Assert.Equal("CREATE_COMPLETE", stack.GetProperty("StackStatus").GetString());
    }

    private JsonElement ForwardingRule(string region) =>
        Assert.Single(Aws(region, "events", "list-rules").RootElement.GetProperty("Rules").EnumerateArray(),
            r => r.GetProperty("Name").GetString()!.Contains("ForwardingRule", StringComparison.Ordinal));

    private JsonDocument Aws(string region, params string[] args)
    {
        var (exitCode, stdout, stderr) = Tools.Run("aws", ["--endpoint-url", moto.Endpoint.ToString(), "--output", "json", .. args], Repo.Root, AwsCliEnvironment.For(region));
        Assert.True(exitCode == 0, $"aws {args[0]} {args[1]} exited {exitCode}: {stderr}");
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(stdout) ? "{}" : stdout);
    }
}
