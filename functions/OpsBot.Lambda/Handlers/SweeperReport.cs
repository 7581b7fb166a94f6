using OpsBot.Functions.Approvals;
using OpsBot.Functions.Sweep;

namespace OpsBot.Lambda.Handlers;

/// <summary>The sweeper's answer: expired approval requests, and the scan for missed violations (null when no accounts are configured).</summary>
public sealed record SweeperReport(SweepResult Approvals, MissedViolationSweepResult? MissedViolations);
