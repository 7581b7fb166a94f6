namespace OpsBot.Infra.Tests;

/// <summary>Environment for the aws CLI talking only to a local emulator, with dummy credentials (null removes a variable).</summary>
internal static class AwsCliEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(string region) => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_REGION"] = region,
        ["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "opsbot-infra-tests-no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "opsbot-infra-tests-no-aws-credentials"),
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_PAGER"] = "",
    };
}
