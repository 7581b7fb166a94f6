using OpsBot.Functions.Approvals;
using OpsBot.Functions.Sweep;

namespace OpsBot.Lambda.Handlers;

/// <summary>The sweeper's answer: expired approval requests, the scan for missed violations (null when there is no account to sweep: Organizations off and none listed), and the claims stuck in processing.</summary>
public sealed record SweeperReport(SweepResult Approvals, MissedViolationSweepResult? MissedViolations, StuckClaimReport StuckClaims);
