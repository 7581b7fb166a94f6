using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Cli.Local.Scenarios;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Tests.Commands;

[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class RunLocalCommandTests : IDisposable
{
    private readonly MotoServer _moto = new();

    public void Dispose() => _moto.Dispose();

    [Fact]
    public async Task Drains_the_queue_remediating_good_events_and_rejecting_a_malformed_one()
    {
        var policies = PolicySet.Load(RepositoryPaths.Policies);
        await using var topology = await LocalTopology.CreateAsync(_moto.Endpoint, policies, [RepositoryPaths.Policies], Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"), false, new Timeline(TextWriter.Null), CancellationToken.None);
        using var ec2 = topology.Runtime.Clients.CreateEc2(topology.MemberCredentials, topology.Region);
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("db", "database"));
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var created = (await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [group.GroupId])] })).SecurityGroupRules.Where(r => r.IsEgress != true).ToList();
        var detail = AuthorizeIngressRecord.Write(LocalTopology.MemberAccount, topology.Region, group.GroupId, "arn:aws:iam::111111111111:user/ops", created, DateTimeOffset.UtcNow);
        var envelope = new JsonObject
        {
            ["version"] = "0", ["id"] = Guid.NewGuid().ToString(), ["detail-type"] = "AWS API Call via CloudTrail", ["source"] = "aws.ec2",
            ["account"] = LocalTopology.MemberAccount, ["region"] = topology.Region, ["time"] = "2026-11-22T10:00:00Z", ["detail"] = JsonNode.Parse(detail),
        };
        await topology.Sqs.SendMessageAsync(topology.EventQueueUrl, envelope.ToJsonString());
        await topology.Sqs.SendMessageAsync(topology.EventQueueUrl, "{\"not\": \"an event\"");
        var variables = new Dictionary<string, string>
        {
            ["OPSBOT_TABLE"] = topology.Runtime.Settings.TableName,
            ["OPSBOT_TOPIC_ARN"] = topology.Runtime.Settings.AlertTopicArn,
            ["OPSBOT_EVENT_BUS"] = LocalTopology.CentralBusName,
            ["OPSBOT_POLICIES"] = RepositoryPaths.Policies,
            ["AWS_REGION"] = topology.Region,
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
        };

        var run = await WithEnvironment(variables, () => CliRun.Of("run-local", "--queue-url", topology.EventQueueUrl, "--endpoint-url", _moto.Endpoint.ToString(), "--drain"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains(": remediated - ec2-sg-database-ports-public", run.Output, StringComparison.Ordinal);
        Assert.Contains(": rejected - ", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 received, 2 done, 0 failed", run.Output, StringComparison.Ordinal);
        var left = (await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [group.GroupId])] })).SecurityGroupRules;
        Assert.DoesNotContain(left, r => r.IsEgress != true && r.FromPort == 5432);
    }

    [Fact]
    public async Task A_missing_setting_stops_start_up_naming_it()
    {
        var run = await WithEnvironment(new Dictionary<string, string> { ["OPSBOT_TABLE"] = "" }, () => CliRun.Of("run-local", "--queue-url", "http://127.0.0.1:1/q", "--drain"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OPSBOT_TABLE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_missing_setting_is_named_at_once()
    {
        var run = await WithEnvironment(
            new Dictionary<string, string> { ["OPSBOT_TABLE"] = "", ["OPSBOT_TOPIC_ARN"] = "", ["OPSBOT_EVENT_BUS"] = "", ["OPSBOT_POLICIES"] = "" },
            () => CliRun.Of("run-local", "--queue-url", "http://127.0.0.1:1/q", "--drain"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OPSBOT_TABLE, OPSBOT_TOPIC_ARN, OPSBOT_EVENT_BUS, OPSBOT_POLICIES", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_endpoint_is_one_line_not_a_stack_trace()
    {
        var run = await WithEnvironment(
            new Dictionary<string, string>
            {
                ["OPSBOT_TABLE"] = "opsbot-state", ["OPSBOT_TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:opsbot-alerts", ["OPSBOT_EVENT_BUS"] = "default",
                ["OPSBOT_POLICIES"] = RepositoryPaths.Policies, ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing",
            },
            () => CliRun.Of("run-local", "--queue-url", "http://127.0.0.1:1/123456789012/q", "--endpoint-url", "http://127.0.0.1:1", "--drain"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot start polling", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    private static async Task<CliRun> WithEnvironment(Dictionary<string, string> variables, Func<Task<CliRun>> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
        }

        try
        {
            return await action();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
