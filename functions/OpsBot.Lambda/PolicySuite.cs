using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Lambda;

/// <summary>
/// <c>bootstrap --policy-tests DIR</c>: runs the policy test cases inside this executable and prints
/// every decision, so the Native AOT build can be checked against the JIT build line by line.
/// </summary>
internal static class PolicySuite
{
    public static async Task<int> RunAsync(string folder, TextWriter output)
    {
        var policies = PolicySet.Load(folder);
        var errors = new List<PolicyError>();
        var cases = PolicyTestCaseLoader.FindFiles([folder]).SelectMany(f => PolicyTestCaseLoader.Load(f, errors)).ToList();
        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        var runner = new PolicyTestRunner(policies);
        var evaluator = new SnapshotEvaluator(policies);
        var passed = 0;
        foreach (var testCase in cases)
        {
            var result = await runner.RunAsync(testCase);
            passed += result.Passed ? 1 : 0;
            output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {testCase.Name}");
            foreach (var failure in result.Failures)
            {
                output.WriteLine($"      {failure}");
            }

            var cloudTrailEvent = CloudTrailEventReader.Read(await File.ReadAllTextAsync(testCase.EventFile));
            var evaluation = await evaluator.EvaluateAsync(
                cloudTrailEvent,
                await PolicyTestRunner.ReadStateAsync(testCase, EventTriage.Triage(cloudTrailEvent, policies).ResourceType));
            output.WriteLine($"      event {(evaluation.SkipReason is { } skip ? "skipped " + skip.Name() : "evaluated")}");
            foreach (var decision in evaluation.Decisions)
            {
                output.WriteLine($"      decision {decision.Policy.Id} {decision.ResourceId} {decision.Action} {decision.Mode}: {string.Join("; ", decision.Elements)}");
            }

            foreach (var policySkip in evaluation.Skips)
            {
                output.WriteLine($"      skip {policySkip.PolicyId} {policySkip.Reason.Name()}");
            }
        }

        var failed = cases.Count - passed + errors.Count;
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
