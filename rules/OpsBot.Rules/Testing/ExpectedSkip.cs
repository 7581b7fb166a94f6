using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Testing;

/// <summary>A policy a test case expects to be skipped for the given reason (e.g. exempt).</summary>
public sealed record ExpectedSkip(string Policy, SkipReason Reason);
