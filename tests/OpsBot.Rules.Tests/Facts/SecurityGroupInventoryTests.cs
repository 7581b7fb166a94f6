using System.Text;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Tests.Facts;

/// <summary>
/// The security-group inventory a scan opens: the document checked at once, each group read into
/// its fact only when asked for, exactly as the whole-document read reads it.
/// </summary>
public class SecurityGroupInventoryTests
{
    private static readonly IResourceType SecurityGroups = ResourceTypeRegistry.Default.Find(SecurityGroupResourceType.TypeName)!;

    [Fact]
    public void Reads_each_group_as_the_whole_document_read_reads_it()
    {
        var groups = File.ReadAllBytes(RepositoryPaths.Fixture("state/sg-ssh-https-world.json"));
        var rules = File.ReadAllBytes(RepositoryPaths.Fixture("state/sg-ssh-https-world.rules.json"));

        var whole = SecurityGroupStateReader.ReadUtf8(groups, rules);
        var inventory = SecurityGroups.OpenState(groups, rules);

        Assert.Equal(whole.Count, inventory.Count);
        for (var i = 0; i < whole.Count; i++)
        {
            var read = Assert.IsType<SecurityGroupFact>(inventory.Read(i));
            Assert.Equal(whole[i].GroupId, read.GroupId);
            Assert.Equal(whole[i].Ingress, read.Ingress);
            Assert.Equal(whole[i].Egress, read.Egress);
            Assert.Contains(read.Ingress, e => !string.IsNullOrEmpty(e.RuleId) && e.IsOpenToInternet);
        }
    }

    [Fact]
    public void A_group_that_cannot_be_read_fails_when_it_is_read_and_not_before()
    {
        var json = $"{{\"SecurityGroups\": [{Group("sg-0a")}, {{\"GroupName\": \"lost\"}}, {Group("sg-0c")}]}}";

        var inventory = SecurityGroups.OpenState(Encoding.UTF8.GetBytes(json), null);

        Assert.Equal(3, inventory.Count);
        Assert.Equal("sg-0c", SecurityGroups.ResourceId(inventory.Read(2)));
        var ex = Assert.Throws<StateFormatException>(() => inventory.Read(1));
        Assert.Contains("no \"GroupId\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"SecurityGroups": [{"GroupId": "sg-0a"}""", "not valid JSON")]
    [InlineData("""{"Groups": []}""", "an object with a \"SecurityGroups\" array")]
    public void A_document_of_the_wrong_syntax_or_shape_is_refused_when_it_is_opened(string json, string message)
    {
        var ex = Assert.Throws<StateFormatException>(() => SecurityGroups.OpenState(Encoding.UTF8.GetBytes(json), null));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_group_twice_gives_equal_facts_each_with_its_own_elements()
    {
        var inventory = SecurityGroups.OpenState(Encoding.UTF8.GetBytes($"{{\"SecurityGroups\": [{Group("sg-0a")}]}}"), null);

        var first = (SecurityGroupFact)inventory.Read(0);
        var second = (SecurityGroupFact)inventory.Read(0);

        Assert.NotSame(first, second);
        Assert.Equal(first.Ingress, second.Ingress);
        Assert.True(first.Ingress[0].IsOpenToInternet);
    }

    private static string Group(string id) =>
        $"{{\"GroupId\": \"{id}\", \"IpPermissions\": [{{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{{\"CidrIp\": \"0.0.0.0/0\"}}]}}]}}";
}
