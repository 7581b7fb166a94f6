using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// <c>opsbot demo --cases DIR</c>: a policy folder's test cases, run one after another on one local
/// topology, one line each (<c>PASS</c>, <c>FAIL</c> with the disagreements under it, or
/// <c>SKIP</c> with the reason), then a summary.
/// </summary>
public static class DemoCases
{
    /// <summary>The cases under <paramref name="folder"/>'s <c>tests/</c>, checked before any emulator starts.</summary>
    /// <exception cref="Commands.InputFileException">No case, or a test file that cannot be read; the message says which.</exception>
    public static IReadOnlyList<PolicyTestCase> Load(string folder)
    {
        var errors = new List<PolicyError>();
        var cases = PolicyTestCaseLoader.FindFiles([folder]).SelectMany(file => PolicyTestCaseLoader.Load(file, errors)).ToList();
        if (errors.Count > 0)
        {
            throw new Commands.InputFileException(string.Join(Environment.NewLine, errors));
        }

        return cases.Count > 0 ? cases : throw new Commands.InputFileException($"{folder}: no test cases (*.yaml under {Path.Combine(folder, PolicyFiles.TestsFolder)})");
    }

    /// <summary>Runs <paramref name="cases"/> on <paramref name="topology"/>; returns how many passed, failed and were skipped.</summary>
    public static async Task<(int Passed, int Failed, int Skipped)> RunAsync(LocalTopology topology, PolicySet policies, IReadOnlyList<PolicyTestCase> cases, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(output);
        var runner = new DemoCaseRunner(topology, policies, TimeProvider.System);
        var counts = new Dictionary<CaseStatus, int> { [CaseStatus.Pass] = 0, [CaseStatus.Fail] = 0, [CaseStatus.Skip] = 0 };
        for (var i = 0; i < cases.Count; i++)
        {
            var result = await runner.RunAsync(cases[i], i, cancellationToken);
            counts[result.Status]++;
            output.WriteLine(result.Line);
            if (result.Status == CaseStatus.Fail)
            {
                foreach (var detail in result.Details)
                {
                    output.WriteLine($"      {cases[i].Location}: {detail}");
                }
            }

            output.Flush();
        }

        output.WriteLine($"{counts[CaseStatus.Pass]} passed, {counts[CaseStatus.Fail]} failed, {counts[CaseStatus.Skip]} skipped (not run on the emulator)");
        return (counts[CaseStatus.Pass], counts[CaseStatus.Fail], counts[CaseStatus.Skip]);
    }
}
