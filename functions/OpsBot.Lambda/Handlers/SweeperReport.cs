using OpsBot.Functions.Approvals;
using OpsBot.Functions.Sweep;

namespace OpsBot.Lambda.Handlers;

/// <summary>The sweeper's answer: expired approval requests, and the scan for missed violations (null when there is no account to sweep: Organizations off and none listed).</summary>
public sealed record SweeperReport(SweepResult Approvals, MissedViolationSweepResult? MissedViolations);
