using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Testing;

/// <summary>A decision a test case expects: the policy, optionally its action and mode, and exactly these matches.</summary>
public sealed record ExpectedDecision(string Policy, string? Action, RemediationMode? Mode, IReadOnlyList<ExpectedElement> Matches);
