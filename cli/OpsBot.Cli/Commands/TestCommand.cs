using System.CommandLine;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot test [PATH...]</c>: runs policy test cases offline: a folder's <c>tests/</c> cases, the
/// cases there that concern a policy file given, or a test file's cases (see <see cref="TestSelection"/>).
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Policy folders, policy files (their cases only) or test files (default: ./policies).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("test", "Run the policy test cases (tests/ beside the policies) offline.") { paths };
        command.SetAction(async (result, _) =>
        {
            var errors = new List<PolicyError>();
            TestSelection selection;
            PolicySet policies;
            try
            {
                selection = TestSelection.Resolve(PolicyPaths.Resolve(result.GetValue(paths)), errors);
                policies = errors.Count == 0 ? new PolicyLoader().LoadSet(selection.PolicyFolders) : throw new PolicyLoadException(errors);
            }
            catch (InputFileException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }

            var cases = selection.CaseFiles
                .SelectMany(file => PolicyTestCaseLoader.Load(file, errors).Where(c => selection.Includes(file, c)))
                .ToList();
            foreach (var problem in errors)
            {
                error.WriteLine(problem);
            }

            if (cases.Count == 0 && errors.Count == 0)
            {
                var ids = selection.PolicyIds.ToList();
                error.WriteLine($"error: no test cases{(ids.Count == 0 ? "" : $" concerning {string.Join(", ", ids)}")} found under {string.Join(", ", selection.LookedIn)}");
                return ExitCodes.BadInput;
            }

            return await RunAsync(new PolicyTestRunner(policies), cases, errors.Count, output);
        });
        return command;
    }

    private static async Task<int> RunAsync(PolicyTestRunner runner, List<PolicyTestCase> cases, int unreadable, TextWriter output)
    {
        var passed = 0;
        foreach (var testCase in cases)
        {
            var outcome = await runner.RunAsync(testCase);
            output.WriteLine($"{(outcome.Passed ? "PASS" : "FAIL")}  {testCase.Name}  ({outcome.Elapsed.TotalMilliseconds:0.00} ms)");
            foreach (var failure in outcome.Failures)
            {
                output.WriteLine($"      {testCase.Location}: {failure}");
            }

            passed += outcome.Passed ? 1 : 0;
        }

        var failed = cases.Count - passed + unreadable;
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
