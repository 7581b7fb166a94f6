using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Rules.Tests.Resources.RdsSnapshot;

public class DbSnapshotResourceTypeTests
{
    private static readonly DbSnapshotResourceType Type = new();

    [Fact]
    public void Reads_the_restore_values_and_the_tags_and_ignores_other_attributes()
    {
        var snapshot = Assert.Single(Type.Read("""
            {
              "DBSnapshotAttributesResult": {
                "DBSnapshotIdentifier": "orders",
                "DBSnapshotAttributes": [
                  {"AttributeName": "restore", "AttributeValues": ["210987654321", "all"]},
                  {"AttributeName": "other", "AttributeValues": ["all"]}
                ]
              },
              "TagList": [{"Key": "opsbot:exempt", "Value": "true"}]
            }
            """, null));

        Assert.Equal("orders", snapshot.Identifier);
        Assert.Equal(["210987654321", "all"], snapshot.Restore.Select(r => r.Value));
        Assert.Equal([false, true], snapshot.Restore.Select(r => r.IsPublic));
        Assert.True(snapshot.IsPublic);
        Assert.Equal("true", snapshot.Tag("opsbot:exempt"));
        Assert.Equal("", snapshot.Tag("team"));
    }

    [Fact]
    public void A_snapshot_without_a_restore_attribute_or_tags_is_private_and_untagged()
    {
        var snapshot = Assert.Single(Type.Read("""[{"DBSnapshotAttributesResult": {"DBSnapshotIdentifier": "orders", "DBSnapshotAttributes": []}}]""", null));

        Assert.False(snapshot.IsPublic);
        Assert.Empty(snapshot.Tags);
    }

    [Theory]
    [InlineData("""{"DBClusterSnapshotAttributesResult": {"DBClusterSnapshotIdentifier": "c"}}""")]
    [InlineData("""{"DBSnapshotAttributesResult": {"DBSnapshotIdentifier": "s", "DBSnapshotAttributes": {"AttributeName": "restore"}}}""")]
    [InlineData("""{"DBSnapshotAttributesResult": {"DBSnapshotIdentifier": "s", "DBSnapshotAttributes": [{"AttributeName": "restore", "AttributeValues": [1]}]}}""")]
    [InlineData("not json")]
    public void A_document_in_another_shape_is_refused(string document) =>
        Assert.Throws<StateFormatException>(() => Type.Read(document, null));

    [Theory]
    [InlineData("orders")]
    [InlineData("arn:aws:rds:eu-west-1:111111111111:snapshot:orders")]
    public void The_event_names_the_snapshot_by_identifier_or_arn(string identifier)
    {
        var json = $$$"""{"detail-type": "AWS API Call via CloudTrail", "source": "aws.rds", "id": "e1", "account": "111111111111", "region": "eu-west-1", "detail": {"eventSource": "rds.amazonaws.com", "eventName": "ModifyDBSnapshotAttribute", "eventID": "e1", "eventTime": "2026-11-21T10:00:00Z", "requestParameters": {"dBSnapshotIdentifier": "{{{identifier}}}", "attributeName": "restore", "valuesToAdd": ["all"]}, "responseElements": null}}""";

        var reference = Assert.Single(Type.FindResources(CloudTrailEventReader.Read(json)));

        Assert.Equal((DbSnapshotResourceType.TypeName, "orders"), (reference.ResourceType, reference.Id));
    }

    [Fact]
    public void An_event_without_an_identifier_is_malformed()
    {
        const string json = """{"detail-type": "AWS API Call via CloudTrail", "source": "aws.rds", "id": "e1", "account": "111111111111", "region": "eu-west-1", "detail": {"eventSource": "rds.amazonaws.com", "eventName": "ModifyDBSnapshotAttribute", "eventID": "e1", "eventTime": "2026-11-21T10:00:00Z", "requestParameters": {"attributeName": "restore"}, "responseElements": null}}""";

        Assert.Throws<MalformedEventException>(() => Type.FindResources(CloudTrailEventReader.Read(json)));
    }

    [Theory]
    [InlineData("rds-modify-db-snapshot-attribute-public", new[] { "210987654321", "all" })]
    [InlineData("rds-modify-db-snapshot-attribute-single-value-arn", new[] { "all" })]
    [InlineData("rds-modify-db-snapshot-attribute-one-account", new[] { "210987654321" })]
    public void Replay_takes_the_restore_values_the_response_reports(string fixture, string[] values)
    {
        var cloudTrailEvent = CloudTrailEventReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "tests", "events", fixture + ".json")));

        var snapshot = Assert.IsType<DbSnapshotFact>(Assert.Single(Type.Requested(cloudTrailEvent)));

        Assert.Equal(values, snapshot.Restore.Select(r => r.Value));
    }
}
