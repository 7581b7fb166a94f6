namespace OpsBot.Functions.Slack.Secrets;

/// <summary>Secrets Manager's <c>GetSecretValue</c> request.</summary>
/// <param name="SecretId">The secret's ARN or name.</param>
internal sealed record GetSecretValueRequest(string SecretId);
