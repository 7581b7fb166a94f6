using System.Diagnostics;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Testing;

/// <summary>Runs policy test cases offline: reads the fixtures, evaluates, compares with the expectation.</summary>
public sealed class PolicyTestRunner(PolicySet policies)
{
    private readonly SnapshotEvaluator _evaluator = new(policies);

    /// <summary>Runs one case; a fixture that cannot be read fails the case with the reason.</summary>
    public async ValueTask<PolicyTestResult> RunAsync(PolicyTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var clock = Stopwatch.StartNew();
        List<string> failures;
        try
        {
            var cloudTrailEvent = CloudTrailEventReader.Read(await File.ReadAllTextAsync(testCase.EventFile));
            var state = SecurityGroupStateReader.Read(
                await File.ReadAllTextAsync(testCase.StateFile),
                testCase.RulesFile is null ? null : await File.ReadAllTextAsync(testCase.RulesFile));
            var evaluation = await _evaluator.EvaluateAsync(cloudTrailEvent, state);
            failures = Compare(testCase, evaluation);
        }
        catch (Exception ex) when (ex is MalformedEventException or StateFormatException or PolicyEvaluationException or IOException)
        {
            failures = [$"{ex.GetType().Name}: {ex.Message}"];
        }

        return new PolicyTestResult(testCase, failures, clock.Elapsed);
    }

    private static List<string> Compare(PolicyTestCase expected, EventEvaluation actual)
    {
        var failures = new List<string>();
        if (expected.ExpectedSkip != actual.SkipReason)
        {
            failures.Add($"expected the event to be {(expected.ExpectedSkip is { } s ? "skipped as " + s.Name() : "evaluated")}, " +
                         $"but it was {(actual.SkipReason is { } a ? $"skipped as {a.Name()} ({actual.Detail})" : "evaluated")}");
        }

        var decisions = actual.Decisions.ToList();
        foreach (var want in expected.ExpectedDecisions)
        {
            var got = decisions.FirstOrDefault(d => d.Policy.Id == want.Policy);
            if (got is null)
            {
                failures.Add($"expected policy {want.Policy} to match, but it did not");
                continue;
            }

            if (want.Action is not null && want.Action != got.Action)
            {
                failures.Add($"{want.Policy}: expected action {want.Action}, got {got.Action}");
            }

            if (want.Mode is not null && want.Mode != got.Mode)
            {
                failures.Add($"{want.Policy}: expected mode {want.Mode}, got {got.Mode}");
            }

            failures.AddRange(CompareElements($"{want.Policy} matches", want.Matches, got.Matches));
        }

        failures.AddRange(decisions.Where(d => expected.ExpectedDecisions.All(w => w.Policy != d.Policy.Id))
            .Select(d => $"policy {d.Policy.Id} matched unexpectedly: {string.Join("; ", d.Matches)}"));
        foreach (var want in expected.ExpectedSkips.Where(w => !actual.Skips.Any(s => s.PolicyId == w.Policy && s.Reason == w.Reason)))
        {
            failures.Add($"expected policy {want.Policy} to be skipped as {want.Reason.Name()}, but it was not");
        }

        if (expected.ExpectedRequested is { } requested)
        {
            failures.AddRange(CompareElements("requested", requested, actual.Requested));
        }

        return failures;
    }

    private static IEnumerable<string> CompareElements(string what, IReadOnlyList<ExpectedPermission> expected, IReadOnlyList<PermissionFact> actual)
    {
        foreach (var want in expected.Where(w => !actual.Any(w.Matches)))
        {
            yield return $"{what}: expected {want}, not found among [{string.Join("; ", actual)}]";
        }

        foreach (var extra in actual.Where(a => !expected.Any(w => w.Matches(a))))
        {
            yield return $"{what}: unexpected {extra}";
        }
    }
}
