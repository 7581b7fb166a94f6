using System.Text.Json.Nodes;
using OpsBot.Cli.Local.Cases;

namespace OpsBot.Cli.Tests.Local.Cases;

public sealed class CaseEventRecordTests
{
    [Theory]
    [InlineData("events/authorize-ssh-https-world.json")]
    [InlineData("events/sqs-authorize-ssh-https-world.json")]
    public void The_CloudTrail_record_is_found_inside_an_envelope_or_an_SQS_message(string fixture)
    {
        var record = CaseEventRecord.Extract(File.ReadAllText(RepositoryPaths.Fixture(fixture)));

        Assert.Equal("AuthorizeSecurityGroupIngress", (string?)record["eventName"]);
        Assert.Equal("sg-0a1b2c3d4e5f60718", (string?)record["requestParameters"]?["groupId"]);
    }

    [Fact]
    public void A_fixture_without_a_record_is_a_format_error()
    {
        var ex = Assert.Throws<FormatException>(() => CaseEventRecord.Extract("""{"Records": []}"""));

        Assert.Contains("no single CloudTrail record", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_region_and_time_are_rewritten_and_an_id_that_prefixes_another_is_not_rewritten_twice()
    {
        var record = CaseEventRecord.Extract(File.ReadAllText(RepositoryPaths.Fixture("events/authorize-ssh-https-world.json")));
        var now = new DateTimeOffset(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
        var replacements = new Dictionary<string, string>
        {
            ["sg-0a1b2c3d4e5f60718"] = "sg-moto1",
            ["sg-0a1b"] = "sg-wrong",
            ["sgr-0aaa000000000ssh"] = "sgr-moto22",
        };

        var rewritten = JsonNode.Parse(CaseEventRecord.Rewrite(record, "us-east-1", now, replacements))!;

        Assert.Equal("sg-moto1", (string?)rewritten["requestParameters"]?["groupId"]);
        Assert.Equal("sgr-moto22", (string?)rewritten["responseElements"]?["securityGroupRuleSet"]?["items"]?[0]?["securityGroupRuleId"]);
        Assert.Equal("us-east-1", (string?)rewritten["awsRegion"]);
        Assert.Equal("ec2.us-east-1.amazonaws.com", (string?)rewritten["tlsDetails"]?["clientProvidedHostHeader"]);
        Assert.Equal("2026-12-02T20:00:00Z", (string?)rewritten["eventTime"]);
        Assert.DoesNotContain("sg-wrong", rewritten.ToJsonString(), StringComparison.Ordinal);
    }
}
