using OpsBot.Rules.Evaluation;

namespace OpsBot.Cli.Output;

/// <summary>The human form of an evaluation: the event, then each decision with its explanation, then skips.</summary>
internal static class EvaluationText
{
    public static void Write(EventEvaluation evaluation, TextWriter output)
    {
        var e = evaluation.Event;
        output.WriteLine($"event {e.Id}: {e.EventName} in {e.Account}/{e.Region} by {Or(e.Actor.Arn, "unknown principal")} from {Or(e.Actor.SourceIp, "unknown address")}");
        foreach (var requested in evaluation.Requested)
        {
            output.WriteLine($"  requested: {requested}");
        }

        if (evaluation.SkipReason is { } skip)
        {
            output.WriteLine($"skipped ({skip.Name()}): {evaluation.Detail}");
            return;
        }

        var decisions = evaluation.Decisions.ToList();
        output.WriteLine(decisions.Count == 0 ? "no policy matched" : $"{decisions.Count} decision(s):");
        foreach (var decision in decisions)
        {
            output.WriteLine($"- {decision.Policy.Id} on {decision.ResourceId}: {decision.Action} ({decision.Mode.ToString().ToLowerInvariant()})");
            foreach (var line in decision.Explanation)
            {
                output.WriteLine($"    {line}");
            }
        }

        foreach (var policySkip in evaluation.Skips)
        {
            output.WriteLine($"- {policySkip.PolicyId} on {policySkip.ResourceId}: {policySkip.Reason.Name()}: {policySkip.Detail}");
        }
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;
}
