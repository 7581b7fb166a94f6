using System.CommandLine;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Commands;

/// <summary><c>opsbot test [PATH...]</c>: runs the policy test cases in each folder's <c>tests/</c>, offline.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = PolicyPaths.Argument();
        var command = new Command("test", "Run the policy test cases (tests/ beside the policies) offline.") { paths };
        command.SetAction(async (result, _) =>
        {
            var folders = PolicyPaths.Resolve(result.GetValue(paths));
            PolicySet policies;
            try
            {
                policies = new PolicyLoader().LoadSet(folders.Where(Directory.Exists).DefaultIfEmpty(PolicyPaths.DefaultFolder));
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }

            var errors = new List<PolicyError>();
            var cases = PolicyTestCaseLoader.FindFiles(folders).SelectMany(f => PolicyTestCaseLoader.Load(f, errors)).ToList();
            foreach (var problem in errors)
            {
                error.WriteLine(problem);
            }

            if (cases.Count == 0 && errors.Count == 0)
            {
                error.WriteLine($"no test cases found under {string.Join(", ", folders.Select(f => Path.Combine(f, PolicyFiles.TestsFolder)))}");
                return ExitCodes.BadInput;
            }

            var runner = new PolicyTestRunner(policies);
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

            var failed = cases.Count - passed + errors.Count;
            output.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
