using System.Globalization;
using Amazon.Runtime;
using OpsBot.Cli.Local.Scenarios;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Runs policy test cases end to end on the local topology: creates each case's live state in the
/// member account, sends its event (ids rewritten to the emulator's) on the member's default bus,
/// lets the production runner drain the central queue, and holds the audit record against the
/// case's expectation.
/// </summary>
public sealed class DemoCaseRunner(LocalTopology topology, PolicySet policies, TimeProvider clock)
{
    // The shared steps print their timeline here: --cases tells one line per case instead.
    private readonly ScenarioRun _run = new(topology, new Timeline(TextWriter.Null));

    /// <summary>Runs <paramref name="testCase"/>; <paramref name="index"/> keeps its resource names apart from other cases'.</summary>
    public async Task<CaseResult> RunAsync(PolicyTestCase testCase, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var fixture = await File.ReadAllTextAsync(testCase.EventFile, cancellationToken);
        CloudTrailEvent cloudTrailEvent;
        System.Text.Json.Nodes.JsonObject record;
        try
        {
            var events = CloudTrailExportReader.Read(System.Text.Encoding.UTF8.GetBytes(fixture));
            cloudTrailEvent = events.Count == 1 ? events[0] : throw new MalformedEventException($"the event file holds {events.Count} events; a test case takes exactly one");
            record = CaseEventRecord.Extract(fixture);
        }
        catch (Exception ex) when (ex is MalformedEventException or JsonSyntaxException or FormatException or System.Text.Json.JsonException)
        {
            return new CaseResult(testCase, CaseStatus.Fail, [$"{testCase.EventFile}: {ex.Message}"]);
        }

        if (record["recipientAccountId"]?.GetValue<string>() is { } recipient && recipient != LocalTopology.MemberAccount)
        {
            return new CaseResult(testCase, CaseStatus.Skip, [$"the record names account {recipient} beside its envelope's {LocalTopology.MemberAccount}; on the emulator its own EventBridge writes the envelope, which does not keep that disagreement"]);
        }

        var triage = EventTriage.Triage(cloudTrailEvent, policies);
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        if (triage.ResourceType is { } type)
        {
            if (CaseSeeders.For(type.Name) is not { } seeder)
            {
                return new CaseResult(testCase, CaseStatus.Skip, [$"the demo cannot create {type.Name} state on the emulator yet"]);
            }

            var context = new CaseSeedContext(topology, await File.ReadAllTextAsync(testCase.StateFile, cancellationToken),
                testCase.RulesFile is null ? null : await File.ReadAllTextAsync(testCase.RulesFile, cancellationToken),
                record.ToJsonString(), triage.Resources, "c" + index.ToString(CultureInfo.InvariantCulture) + clock.GetUtcNow().ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture));
            CaseSeed seed;
            try
            {
                seed = await seeder.SeedAsync(context, cancellationToken);
            }
            catch (AmazonServiceException ex)
            {
                seed = CaseSeed.Skip($"the emulator cannot create this {type.Name} state: {ex.ErrorCode ?? ex.GetType().Name}: {ex.Message}");
            }
            catch (InvalidOperationException ex)
            {
                seed = CaseSeed.Skip($"the emulator cannot create this {type.Name} state: {ex.Message}");
            }
            catch (System.Text.Json.JsonException ex)
            {
                return new CaseResult(testCase, CaseStatus.Fail, [$"{testCase.StateFile}: not JSON: {ex.Message}"]);
            }

            if (seed.SkipReason is { } reason)
            {
                return new CaseResult(testCase, CaseStatus.Skip, [reason]);
            }

            foreach (var (from, to) in seed.Replacements)
            {
                replacements[from] = to;
            }
        }

        var source = "aws." + cloudTrailEvent.EventSource.Split('.')[0];
        await _run.SendAsync(source, CaseEventRecord.Rewrite(record, topology.Region, clock.GetUtcNow(), replacements), cancellationToken);
        var eventIds = await _run.DrainAsync(cancellationToken);
        return await JudgeAsync(testCase, triage, eventIds, cancellationToken);
    }

    private async Task<CaseResult> JudgeAsync(PolicyTestCase testCase, TriageResult triage, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            // The central rule routes only the events some policy triggers on; one it does not route
            // is the no-policy skip the offline runner reports.
            return testCase.ExpectedSkip == SkipReason.NoPolicy || (triage.Policies.Count == 0 && testCase.ExpectedSkip is null && testCase.ExpectedDecisions.Count == 0)
                ? new CaseResult(testCase, CaseStatus.Pass, ["not routed: no policy triggers on it"])
                : new CaseResult(testCase, CaseStatus.Fail, ["the event reached no runner (the central rule did not route it)"]);
        }

        var audit = await topology.Runtime.StateStore.ReadAuditAsync(eventIds[^1], cancellationToken);
        if (audit is null)
        {
            return new CaseResult(testCase, CaseStatus.Fail, [$"no audit record for event {eventIds[^1]}"]);
        }

        var failures = CaseOutcomeCheck.Compare(testCase, audit);
        return failures.Count > 0
            ? new CaseResult(testCase, CaseStatus.Fail, failures)
            : new CaseResult(testCase, CaseStatus.Pass, [audit.Decisions.Count == 0 ? CaseOutcomeCheck.Said(audit) : string.Join(", ", audit.Decisions.Select(d => $"{d.PolicyId} {d.Outcome.ToString().ToLowerInvariant()}"))]);
    }
}
