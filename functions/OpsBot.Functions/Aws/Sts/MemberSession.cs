using Amazon.Runtime;
using Amazon.S3;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>
/// Credentials valid in one member account and region, and the clients resource adapters make
/// with them (created on first use, kept as long as the credentials are fresh).
/// </summary>
/// <param name="account">The member account.</param>
/// <param name="region">The region.</param>
/// <param name="credentials">Credentials of the assumed remediation role (or the central account's own).</param>
/// <param name="clients">Where clients come from (endpoints, retry bounds).</param>
public sealed class MemberSession(string account, string region, AWSCredentials credentials, AwsClientFactory clients) : IDisposable
{
    private readonly Lazy<IAmazonS3> _s3 = new(() => clients.CreateS3(credentials, region));

    /// <summary>The member account.</summary>
    public string Account { get; } = account;

    /// <summary>The region.</summary>
    public string Region { get; } = region;

    /// <summary>An S3 client acting in the member account.</summary>
    public IAmazonS3 S3 => _s3.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }
    }
}
