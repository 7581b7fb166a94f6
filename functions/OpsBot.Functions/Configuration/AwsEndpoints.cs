namespace OpsBot.Functions.Configuration;

/// <summary>
/// Resolves the endpoint of an AWS service the way the AWS SDKs and CLI do, so LocalStack and moto
/// work unchanged: an explicit override first, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>
/// (e.g. <c>AWS_ENDPOINT_URL_EC2</c>, <c>_STS</c>, <c>_SNS</c>, <c>_EVENTBRIDGE</c>, <c>_DYNAMODB</c>,
/// <c>_SQS</c>), then <c>AWS_ENDPOINT_URL</c>; null means the service's public endpoint.
/// </summary>
public sealed class AwsEndpoints(IEnvironmentVariables environment, Uri? explicitOverride = null)
{
    /// <summary>The endpoint for <paramref name="serviceId"/> (the SDK service id upper-cased with spaces as underscores, e.g. <c>EVENTBRIDGE</c>), or null.</summary>
    public Uri? For(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        if (explicitOverride is not null)
        {
            return explicitOverride;
        }

        var variable = "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
        return Parse(variable) ?? Parse("AWS_ENDPOINT_URL");
    }

    private Uri? Parse(string variable)
    {
        var value = environment.Get(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidSettingException(variable, $"'{value}' must be an absolute http or https URL");
    }
}
