using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Tests.Resources;

public sealed class Ec2SharingConsoleLinkTests
{
    [Fact]
    public void A_snapshot_links_to_its_ec2_console_page() =>
        Assert.Equal("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SnapshotDetails:snapshotId=snap-0a1b2c3d4e5f60718", ConsoleLinks.For("eu-west-1", "snap-0a1b2c3d4e5f60718"));

    [Fact]
    public void An_image_links_to_its_ec2_console_page() =>
        Assert.Equal("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ImageDetails:imageId=ami-0a1b2c3d4e5f60718", ConsoleLinks.For("eu-west-1", "ami-0a1b2c3d4e5f60718"));
}
