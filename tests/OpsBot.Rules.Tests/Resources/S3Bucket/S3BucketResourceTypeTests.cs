using OpsBot.Rules.Events;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Tests.Resources.S3Bucket;

public class S3BucketResourceTypeTests
{
    private static CloudTrailEvent Event(string requestParameters) => CloudTrailEventReader.Read($$"""
        {
          "detail-type": "AWS API Call via CloudTrail", "source": "aws.s3", "account": "111111111111",
          "region": "eu-west-1", "id": "e1", "time": "2026-11-20T10:02:00Z",
          "detail": {"eventSource": "s3.amazonaws.com", "eventName": "PutBucketAcl", "requestParameters": {{requestParameters}}}
        }
        """);

    [Fact]
    public void The_bucket_an_event_concerns_is_its_request_bucket_name()
    {
        var reference = Assert.Single(new S3BucketResourceType().FindResources(Event("""{"bucketName": "example-reports", "acl": ""}""")));

        Assert.Equal(("aws.s3.bucket", "example-reports"), (reference.ResourceType, reference.Id));
    }

    [Fact]
    public void An_event_without_a_bucket_name_is_malformed() =>
        Assert.Throws<MalformedEventException>(() => new S3BucketResourceType().FindResources(Event("""{"acl": ""}""")));
}
