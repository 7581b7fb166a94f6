using OpsBot.Functions.Audit;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Tests.Resources;

public sealed class ConsoleLinkTests
{
    [Fact]
    public void A_snapshot_links_to_its_ec2_console_page() =>
        Assert.Equal("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SnapshotDetails:snapshotId=snap-0a1b2c3d4e5f60718", ConsoleLinks.For("eu-west-1", "snap-0a1b2c3d4e5f60718"));

    [Fact]
    public void An_image_links_to_its_ec2_console_page() =>
        Assert.Equal("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ImageDetails:imageId=ami-0a1b2c3d4e5f60718", ConsoleLinks.For("eu-west-1", "ami-0a1b2c3d4e5f60718"));

    [Theory]
    [InlineData("aws.rds.db-snapshot", "reports-2026-11-20", "https://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1#db-snapshot:id=reports-2026-11-20")]
    [InlineData("aws.cloudtrail.trail", "org-trail", "https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/trails")]
    [InlineData("aws.s3.bucket", "acl-reports", "https://s3.console.aws.amazon.com/s3/buckets/acl-reports?region=eu-west-1")]
    public void A_resource_type_given_decides_the_page_over_the_ids_look(string type, string id, string expected) =>
        Assert.Equal(expected, ConsoleLinks.For("eu-west-1", id, type));

    [Fact]
    public void Every_resource_type_but_buckets_has_a_page_of_its_own()
    {
        var bucketPage = ConsoleLinks.For("eu-west-1", "x", "aws.s3.bucket");

        Assert.All(ResourceTypeRegistry.Default.All.Where(t => t.Name != "aws.s3.bucket"), t => Assert.NotEqual(bucketPage, ConsoleLinks.For("eu-west-1", "x", t.Name)));
    }
}
