using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Rules.Tests.Resources.CloudTrailTrail;

public class CloudTrailTrailResourceTypeTests
{
    private const string Arn = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/org-audit";
    private static readonly CloudTrailTrailResourceType Type = new();

    private static CloudTrailEvent Event(string eventName, string requestParameters) => CloudTrailEventReader.Read($$"""
        {
          "detail-type": "AWS API Call via CloudTrail", "source": "aws.cloudtrail", "account": "111111111111",
          "region": "eu-west-1", "id": "e1", "time": "2026-11-21T09:00:00Z",
          "detail": {"eventSource": "cloudtrail.amazonaws.com", "eventName": "{{eventName}}", "requestParameters": {{requestParameters}}, "responseElements": null}
        }
        """);

    [Theory]
    [InlineData("""{"name": "org-audit"}""", "org-audit")]
    [InlineData($$"""{"name": "{{Arn}}"}""", Arn)]
    [InlineData("""{"trailName": "org-audit", "eventSelectors": []}""", "org-audit")]
    public void The_trail_an_event_concerns_is_its_request_name_or_trail_name(string request, string id) =>
        Assert.Equal(id, Assert.Single(Type.FindResources(Event("StopLogging", request))).Id);

    [Fact]
    public void An_event_without_a_trail_name_is_malformed() =>
        Assert.Throws<MalformedEventException>(() => Type.FindResources(Event("StopLogging", "{}")));

    [Fact]
    public void A_trail_is_referenced_by_its_name_or_its_arn()
    {
        var trail = new TrailFact { Name = "org-audit", Arn = Arn };

        Assert.True(Type.IsReferencedBy(trail, new ResourceReference(Type.Name, "org-audit")));
        Assert.True(Type.IsReferencedBy(trail, new ResourceReference(Type.Name, Arn)));
        Assert.False(Type.IsReferencedBy(trail, new ResourceReference(Type.Name, "arn:aws:cloudtrail:eu-west-1:222222222222:trail/org-audit")));
    }

    [Fact]
    public void Only_a_delete_trail_event_stands_for_a_missing_trail_with_a_fact_that_no_longer_exists()
    {
        var reference = new ResourceReference(Type.Name, Arn);

        var deleted = Assert.IsType<TrailFact>(Type.Deleted(Event("DeleteTrail", $$"""{"name": "{{Arn}}"}"""), reference));

        Assert.Equal(("org-audit", Arn, false), (deleted.Name, deleted.Arn, deleted.Exists));
        Assert.Equal("deleted", Assert.Single(deleted.Status).ToString());
        Assert.Null(Type.Deleted(Event("StopLogging", $$"""{"name": "{{Arn}}"}"""), reference));
    }

    [Fact]
    public void The_status_element_is_the_same_instance_on_every_read_until_a_copy_changes_it()
    {
        var trail = new TrailFact { Name = "org-audit", IsLogging = false };

        Assert.Same(trail.Status[0], trail.Status[0]);
        Assert.True((trail with { IsLogging = true }).Status[0].IsLogging);
    }

    [Theory]
    [InlineData("StopLogging", """{"name": "org-audit"}""", false, true, true, true)]
    [InlineData("UpdateTrail", """{"name": "org-audit", "isMultiRegionTrail": false}""", true, false, true, true)]
    [InlineData("UpdateTrail", """{"name": "org-audit", "enableLogFileValidation": "false"}""", true, true, false, true)]
    [InlineData("UpdateTrail", """{"name": "org-audit", "snsTopicName": "deliveries"}""", true, true, true, true)]
    [InlineData("PutEventSelectors", """{"trailName": "org-audit", "eventSelectors": {"readWriteType": "All", "includeManagementEvents": false}}""", true, true, true, false)]
    [InlineData("PutEventSelectors", """{"trailName": "org-audit", "advancedEventSelectors": {"items": [{"fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]}]}}""", true, true, true, true)]
    public void Replay_reads_the_trail_as_the_call_requested_it(string eventName, string request, bool logging, bool multiRegion, bool validation, bool management)
    {
        var trail = Assert.IsType<TrailFact>(Assert.Single(Type.Requested(Event(eventName, request))));

        Assert.Equal((logging, multiRegion, validation, management), (trail.IsLogging, trail.IsMultiRegionTrail, trail.LogFileValidationEnabled, trail.IncludesManagementEvents));
    }
}
