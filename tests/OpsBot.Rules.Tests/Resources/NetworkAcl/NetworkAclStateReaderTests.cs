using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Rules.Tests.Resources.NetworkAcl;

public class NetworkAclStateReaderTests
{
    [Fact]
    public void Reads_describe_network_acls_with_entries_split_by_direction_and_tags()
    {
        var acl = NetworkAclStateReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "tests", "state", "nacl-ssh-world.json"))).Single();

        Assert.Equal("acl-0c1d2e3f4a5b60718", acl.Id);
        Assert.Equal("vpc-0123456789abcdef0", acl.VpcId);
        Assert.Equal("app-subnets", acl.Tag("Name"));
        Assert.Equal([100, 110, 120, 32767], acl.Ingress.Select(e => e.RuleNumber));
        Assert.Equal([100, 32767], acl.Egress.Select(e => e.RuleNumber));
        Assert.Equal("tcp", acl.Ingress[0].Protocol);
        Assert.Equal((22, 22), (acl.Ingress[0].FromPort, acl.Ingress[0].ToPort));
    }

    [Fact]
    public void Refuses_a_document_that_is_not_describe_network_acls()
    {
        Assert.Throws<StateFormatException>(() => NetworkAclStateReader.Read("{\"SecurityGroups\": []}"));
    }

    [Fact]
    public void Refuses_an_entry_without_a_cidr_block()
    {
        Assert.Throws<StateFormatException>(() => NetworkAclStateReader.Read("{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"Entries\": [{\"RuleNumber\": 100, \"Protocol\": \"-1\", \"RuleAction\": \"allow\"}]}]}"));
    }
}
