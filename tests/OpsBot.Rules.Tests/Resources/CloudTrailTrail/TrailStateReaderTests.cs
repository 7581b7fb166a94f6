using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Rules.Tests.Resources.CloudTrailTrail;

public class TrailStateReaderTests
{
    [Fact]
    public void Describe_trails_output_with_status_selectors_and_tags_merged_in_is_read()
    {
        var trail = Assert.Single(TrailStateReader.Read("""
            {"trailList": [{
              "Name": "org-audit", "TrailARN": "arn:aws:cloudtrail:eu-west-1:111111111111:trail/org-audit", "HomeRegion": "eu-west-1",
              "IsMultiRegionTrail": true, "LogFileValidationEnabled": false, "S3BucketName": "example-audit-logs",
              "IsLogging": true, "EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true}],
              "TagsList": [{"Key": "opsbot:exempt", "Value": "true"}]
            }]}
            """));

        Assert.Equal(("org-audit", "eu-west-1", true, true, false, true), (trail.Name, trail.HomeRegion, trail.IsLogging, trail.IsMultiRegionTrail, trail.LogFileValidationEnabled, trail.IncludesManagementEvents));
        Assert.Equal("true", trail.Tag("opsbot:exempt"));
        Assert.Equal("", trail.Tag("owner"));
    }

    [Theory]
    [InlineData("""{"Name": "t"}""", true)]
    [InlineData("""{"Name": "t", "EventSelectors": [{"IncludeManagementEvents": false}]}""", false)]
    [InlineData("""{"Name": "t", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}]}]}""", false)]
    [InlineData("""{"Name": "t", "AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "Equals": ["false"]}]}]}""", true)]
    public void Management_events_are_recorded_by_default_by_a_basic_selector_or_by_the_management_category(string document, bool expected) =>
        Assert.Equal(expected, Assert.Single(TrailStateReader.Read(document)).IncludesManagementEvents);

    [Theory]
    [InlineData("[1]")]
    [InlineData("""{"trailList": {}}""")]
    [InlineData("""{"Name": "t", "IsLogging": "yes"}""")]
    [InlineData("""{"Name": "t", "TagsList": [{"Value": "x"}]}""")]
    [InlineData("not json")]
    public void A_document_in_another_shape_is_refused(string document) =>
        Assert.Throws<StateFormatException>(() => TrailStateReader.Read(document));
}
