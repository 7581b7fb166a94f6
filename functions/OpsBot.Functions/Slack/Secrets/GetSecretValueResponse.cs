namespace OpsBot.Functions.Slack.Secrets;

/// <summary>The part of Secrets Manager's <c>GetSecretValue</c> answer OpsBot reads.</summary>
internal sealed record GetSecretValueResponse
{
    /// <summary>The secret's text (a JSON document for the Slack secret).</summary>
    public string? SecretString { get; init; }
}
