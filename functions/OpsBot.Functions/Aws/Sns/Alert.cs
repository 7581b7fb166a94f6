namespace OpsBot.Functions.Aws.Sns;

/// <summary>An alert as published to the SNS topic.</summary>
/// <param name="Subject">The subject line (e-mail subscribers see it); trimmed to SNS's 100 characters.</param>
/// <param name="Message">The JSON message body.</param>
/// <param name="Severity">The policy's severity, also a message attribute for subscription filters.</param>
/// <param name="PolicyId">The policy id, also a message attribute.</param>
/// <param name="Account">The member account, also a message attribute.</param>
public sealed record Alert(string Subject, string Message, string Severity, string PolicyId, string Account);
