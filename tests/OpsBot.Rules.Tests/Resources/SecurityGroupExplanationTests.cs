using OpsBot.Rules.Resources;
using OpsBot.Rules.Tests.Facts;

namespace OpsBot.Rules.Tests.Resources;

public class SecurityGroupExplanationTests
{
    [Fact]
    public void An_open_rule_is_explained_with_its_share_as_a_fraction_and_a_percentage()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"));
        var ingress = ResourceTypeRegistry.Default.Find(SecurityGroupResourceType.TypeName)!.Collection("ingress")!;

        var line = ingress.Explain(group.Ingress[0]);

        Assert.Contains("public address share 1 (100%)", line, StringComparison.Ordinal);
    }
}
