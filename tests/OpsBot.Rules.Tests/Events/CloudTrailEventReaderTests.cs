using OpsBot.Rules.Events;

namespace OpsBot.Rules.Tests.Events;

public class CloudTrailEventReaderTests
{
    private static string Fixture(string name) => File.ReadAllText(RepositoryPaths.Fixture($"events/{name}.json"));

    [Fact]
    public void Reads_the_envelope_and_the_caller()
    {
        var e = CloudTrailEventReader.Read(Fixture("authorize-ssh-https-world"));

        Assert.Equal("0f4c1a5e-1d2b-4c3d-9e8f-0a1b2c3d4e5f", e.Id);
        Assert.Equal("111111111111", e.Account);
        Assert.Equal("eu-west-1", e.Region);
        Assert.Equal("AuthorizeSecurityGroupIngress", e.EventName);
        Assert.Equal("203.0.113.24", e.Actor.SourceIp);
        Assert.StartsWith("arn:aws:sts::111111111111:assumed-role/", e.Actor.Arn, StringComparison.Ordinal);
        Assert.StartsWith("aws-cli/2", e.Actor.UserAgent, StringComparison.Ordinal);
        Assert.False(e.IsFailedCall);
    }

    [Fact]
    public void Unwraps_an_sqs_message_body()
    {
        var e = CloudTrailEventReader.Read(Fixture("sqs-authorize-ssh-https-world"));

        Assert.Equal("0f4c1a5e-1d2b-4c3d-9e8f-0a1b2c3d4e5f", e.Id);
    }

    [Fact]
    public void Recognises_a_failed_call()
    {
        var e = CloudTrailEventReader.Read(Fixture("authorize-ssh-failed-call"));

        Assert.True(e.IsFailedCall);
        Assert.Equal("Client.UnauthorizedOperation", e.ErrorCode);
    }

    [Fact]
    public void An_envelope_without_account_and_region_takes_them_from_the_cloudtrail_record()
    {
        var json = """{"id":"e1","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","detail":{"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","recipientAccountId":"111111111111","awsRegion":"eu-west-1"}}""";

        var e = CloudTrailEventReader.Read(json);

        Assert.Equal(("111111111111", "eu-west-1"), (e.Account, e.Region));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("{\"hello\": 1}", "not an EventBridge event")]
    [InlineData("{\"id\":\"1\",\"detail-type\":\"EC2 Instance State-change Notification\",\"account\":\"1\",\"region\":\"r\",\"detail\":{}}", "only \"AWS API Call via CloudTrail\"")]
    [InlineData("{\"id\":\"1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ec2\",\"account\":\"111111111111\",\"region\":\"eu-west-1\",\"detail\":{\"eventSource\":\"ec2.amazonaws.com\"}}", "has no \"eventName\"")]
    [InlineData("{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ec2\",\"account\":\"111111111111\",\"region\":\"eu-west-1\",\"detail\":{}}", "has no \"id\"")]
    [InlineData("{\"id\":\"1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ec2\",\"region\":\"eu-west-1\",\"detail\":{\"eventName\":\"X\",\"eventSource\":\"ec2.amazonaws.com\"}}", "has no \"account\"")]
    [InlineData("{\"body\": \"{truncated\"}", "SQS message body is not valid JSON")]
    public void A_malformed_event_is_rejected_with_a_specific_reason(string json, string reason)
    {
        var ex = Assert.Throws<MalformedEventException>(() => CloudTrailEventReader.Read(json));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
