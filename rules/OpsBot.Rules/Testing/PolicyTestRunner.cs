using System.Diagnostics;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Testing;

/// <summary>
/// Runs policy test cases offline: reads the event, reads the state document with the reader of the
/// resource type the event concerns, evaluates, and compares with the expectation.
/// </summary>
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
            var cloudTrailEvent = ReadOneEvent(await File.ReadAllBytesAsync(testCase.EventFile));
            var state = await ReadStateAsync(testCase, EventTriage.Triage(cloudTrailEvent, policies).ResourceType);
            var evaluation = await _evaluator.EvaluateAsync(cloudTrailEvent, state);
            failures = Compare(policies, testCase, evaluation);
        }
        catch (Exception ex) when (ex is MalformedEventException or JsonSyntaxException or StateFormatException or PolicyEvaluationException or IOException)
        {
            failures = [$"{ex.GetType().Name}: {ex.Message}"];
        }

        return new PolicyTestResult(testCase, failures, clock.Elapsed);
    }

    /// <summary>The case's state document read by <paramref name="type"/>; none when the event concerns no type (it is skipped).</summary>
    /// <exception cref="StateFormatException">The document is not in the type's shape.</exception>
    public static async ValueTask<IReadOnlyList<object>> ReadStateAsync(PolicyTestCase testCase, IResourceType? type)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return type is null
            ? []
            : type.ReadState(
                await File.ReadAllTextAsync(testCase.StateFile),
                testCase.RulesFile is null ? null : await File.ReadAllTextAsync(testCase.RulesFile));
    }

    // A case has one expectation, so its fixture may be an export (lookup-events output, a log
    // file) only when that holds a single event.
    private static CloudTrailEvent ReadOneEvent(byte[] content)
    {
        var events = CloudTrailExportReader.Read(content);
        return events.Count == 1 ? events[0] : throw new MalformedEventException($"the event file holds {events.Count} events; a test case takes exactly one");
    }

    private static List<string> Compare(PolicySet policies, PolicyTestCase expected, EventEvaluation actual)
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

            var collection = policies.Resources.Find(got.Policy.Resource)!.Collection(got.Policy.Select)!;
            failures.AddRange(CompareElements($"{want.Policy} matches", collection, want.Matches, got.Elements));
        }

        failures.AddRange(decisions.Where(d => expected.ExpectedDecisions.All(w => w.Policy != d.Policy.Id))
            .Select(d => $"policy {d.Policy.Id} matched unexpectedly: {string.Join("; ", d.Elements)}"));
        foreach (var want in expected.ExpectedSkips.Where(w => !actual.Skips.Any(s => s.PolicyId == w.Policy && s.Reason == w.Reason)))
        {
            failures.Add($"expected policy {want.Policy} to be skipped as {want.Reason.Name()}, but it was not");
        }

        if (expected.ExpectedRequested is { } requested)
        {
            // What a call requested is read for security groups only, as ingress or egress permissions.
            var permissions = policies.Resources.Find(SecurityGroupResourceType.TypeName)!.Collection("ingress")!;
            failures.AddRange(CompareElements("requested", permissions, requested, actual.Requested));
        }

        return failures;
    }

    private static IEnumerable<string> CompareElements(string what, IElementCollection collection, IReadOnlyList<ExpectedElement> expected, IReadOnlyList<object> actual)
    {
        foreach (var unknown in actual.Take(1).SelectMany(sample => expected.SelectMany(w => w.UnknownKeys(collection, sample))).Distinct(StringComparer.Ordinal))
        {
            yield return $"{what}: '{unknown}' is not a value of a {collection.ElementNoun} (its values: {string.Join(", ", collection.Describe(actual[0]).Keys)})";
        }

        foreach (var want in expected.Where(w => !actual.Any(a => w.Matches(collection, a))))
        {
            yield return $"{what}: expected {collection.ShowExpected(want.Values)}, not found among [{string.Join("; ", actual)}]";
        }

        foreach (var extra in actual.Where(a => !expected.Any(w => w.Matches(collection, a))))
        {
            yield return $"{what}: unexpected {extra}";
        }
    }
}
