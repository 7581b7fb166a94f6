using System.Text.Json;
using OpsBot.Rules.Schema;

namespace OpsBot.Rules.Tests.Schema;

public class PolicySchemaTests
{
    [Fact]
    public void The_published_schema_is_the_generated_one()
    {
        var published = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "policy.schema.json")).Trim();

        Assert.Equal(PolicySchemaGenerator.Generate().Trim(), published);
    }

    [Fact]
    public void The_schema_lists_every_action_and_its_options()
    {
        using var schema = JsonDocument.Parse(PolicySchemaGenerator.Generate());
        var remediation = schema.RootElement.GetProperty("properties").GetProperty("remediation");

        var actions = remediation.GetProperty("properties").GetProperty("action").GetProperty("enum").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("revoke-matched-ingress", actions);
        Assert.Equal(actions.Count, remediation.GetProperty("allOf").GetArrayLength());
        var revokeIngress = remediation.GetProperty("allOf").EnumerateArray().Single(a => a.GetRawText().Contains("\"revoke-matched-ingress\"", StringComparison.Ordinal));
        Assert.Contains("maxRules", revokeIngress.GetRawText(), StringComparison.Ordinal);
    }
}
