namespace OpsBot.Rules.Evaluation;

/// <summary>A policy that was evaluated against a resource and did not match, with the reason.</summary>
public sealed record PolicySkip(string PolicyId, string ResourceId, SkipReason Reason, string Detail);
