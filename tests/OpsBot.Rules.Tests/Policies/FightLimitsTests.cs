using System.Text.RegularExpressions;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

/// <summary>The <c>remediation.fight</c> key: defaults, values read, and bad values reported where they are.</summary>
public sealed class FightLimitsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-fight-").FullName;

    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_policy_without_the_key_gets_three_within_an_hour()
    {
        var policy = Assert.Single(Load(Shipped).Policies);

        Assert.Equal(new FightLimits(3, TimeSpan.FromHours(1), null), policy.Remediation.Fight);
    }

    [Fact]
    public void The_limits_and_the_stack_mode_are_read()
    {
        var text = Regex.Replace(Shipped, "  mode: enforce", "  mode: enforce\n  approvers: [U0SECOPS]\n  fight: {max: 5, within: 30m, stackOwned: approve}", RegexOptions.Multiline);

        var result = Load(text);

        Assert.Empty(result.Errors);
        Assert.Equal(new FightLimits(5, TimeSpan.FromMinutes(30), RemediationMode.Approve), Assert.Single(result.Policies).Remediation.Fight);
    }

    [Theory]
    [InlineData("  fight:\n    max: 0", 19, 10, "'max: 0' must be a whole number of automatic remediations from 1 to 100")]
    [InlineData("  fight:\n    max: three", 19, 10, "'max: three' must be a whole number")]
    [InlineData("  fight:\n    within: 3w", 19, 13, "'within: 3w' must be a duration from 5m to 7d")]
    [InlineData("  fight:\n    within: 1m", 19, 13, "'within: 1m' must be a duration from 5m to 7d")]
    [InlineData("  fight:\n    stackOwned: maybe", 19, 17, "'stackOwned: maybe' must be approve")]
    [InlineData("  fight:\n    stackOwned: approve", 19, 17, "'stackOwned: approve' needs the remediation's 'approvers'")]
    [InlineData("  fight:\n    maxx: 3", 19, 5, "unknown key 'maxx' in remediation.fight; did you mean 'max'?")]
    [InlineData("  fight: 3", 18, 10, "'fight' must be a mapping")]
    public void A_bad_fight_block_is_reported_at_its_line_and_column(string block, int line, int column, string message)
    {
        var file = Write(Regex.Replace(Shipped, "  mode: enforce", "  mode: enforce\n" + block, RegexOptions.Multiline));

        var result = new PolicyLoader().Load([file]);

        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(new SourceLocation(file, line, column), error.Location);
        Assert.Empty(result.Policies);
    }

    private PolicyLoadResult Load(string text) => new PolicyLoader().Load([Write(text)]);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "policy.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
