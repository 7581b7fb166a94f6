using System.Text.RegularExpressions;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

/// <summary>The <c>remediation.suppressFor</c> and <c>remediation.exemptMax</c> keys: defaults, values read, and bad values reported where they are.</summary>
public sealed class HoldDurationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-holds-").FullName;

    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_policy_without_the_keys_suppresses_for_a_day_and_exempts_for_at_most_thirty_days()
    {
        var policy = Assert.Single(Load(Shipped).Policies);

        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromDays(30)), (policy.Remediation.SuppressFor, policy.Remediation.ExemptMax));
    }

    [Fact]
    public void The_durations_are_read()
    {
        var result = Load(Regex.Replace(Shipped, "  mode: enforce", "  mode: enforce\n  suppressFor: 3h\n  exemptMax: 7d", RegexOptions.Multiline));

        Assert.Empty(result.Errors);
        var policy = Assert.Single(result.Policies);
        Assert.Equal((TimeSpan.FromHours(3), TimeSpan.FromDays(7)), (policy.Remediation.SuppressFor, policy.Remediation.ExemptMax));
    }

    [Theory]
    [InlineData("  suppressFor: 30m", 18, 16, "'suppressFor: 30m' must be a duration from 1h to 7d")]
    [InlineData("  suppressFor: 8d", 18, 16, "'suppressFor: 8d' must be a duration from 1h to 7d")]
    [InlineData("  suppressFor: forever", 18, 16, "'suppressFor: forever' must be a duration from 1h to 7d")]
    [InlineData("  exemptMax: 12h", 18, 14, "'exemptMax: 12h' must be a duration from 1d to 90d")]
    [InlineData("  exemptMax: 91d", 18, 14, "'exemptMax: 91d' must be a duration from 1d to 90d")]
    [InlineData("  suppresFor: 1h", 18, 3, "unknown key 'suppresFor' in remediation; did you mean 'suppressFor'?")]
    public void A_bad_duration_is_reported_at_its_line_and_column(string line, int row, int column, string message)
    {
        var file = Write(Regex.Replace(Shipped, "  mode: enforce", "  mode: enforce\n" + line, RegexOptions.Multiline));

        var result = new PolicyLoader().Load([file]);

        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(new SourceLocation(file, row, column), error.Location);
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
