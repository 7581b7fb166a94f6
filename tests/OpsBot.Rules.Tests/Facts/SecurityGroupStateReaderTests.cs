using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

public class SecurityGroupStateReaderTests
{
    [Fact]
    public void Reads_one_element_per_source_and_joins_rule_ids()
    {
        var groups = SecurityGroupStateReader.Read(
            File.ReadAllText(RepositoryPaths.Fixture("state/sg-ssh-https-world.json")),
            File.ReadAllText(RepositoryPaths.Fixture("state/sg-ssh-https-world.rules.json")));

        var group = Assert.Single(groups);
        Assert.Equal(3, group.Ingress.Count);
        Assert.Equal("sgr-0aaa000000000ssh", group.Ingress.Single(e => e.FromPort == 22).RuleId);
        Assert.Equal(SourceKind.SecurityGroup, group.Ingress.Single(e => e.FromPort == 8080).SourceKind);
        Assert.Equal("sgr-0aaa00000000egres", Assert.Single(group.Egress).RuleId);
    }

    [Fact]
    public void Rejects_a_document_that_is_not_describe_output()
    {
        var ex = Assert.Throws<StateFormatException>(() => SecurityGroupStateReader.Read("{\"Reservations\": []}"));

        Assert.Contains("SecurityGroups", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_json_with_the_parser_message()
    {
        var ex = Assert.Throws<StateFormatException>(() => SecurityGroupStateReader.Read("{\"SecurityGroups\": ["));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }
}
