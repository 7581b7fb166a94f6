using System.Collections.Concurrent;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using OpsBot.Functions.Aws.Http;

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
    private readonly Lazy<IAmazonEC2> _ec2 = new(() => clients.CreateEc2(credentials, region));
    private readonly Lazy<SignedHttpClientFactory> _signed = new(() => clients.CreateSigned(credentials));
    private readonly ConcurrentDictionary<string, SignedServiceClient> _services = new(StringComparer.Ordinal);

    /// <summary>The member account.</summary>
    public string Account { get; } = account;

    /// <summary>The region.</summary>
    public string Region { get; } = region;

    /// <summary>An S3 client acting in the member account.</summary>
    public IAmazonS3 S3 => _s3.Value;

    /// <summary>An EC2 client acting in the member account.</summary>
    public IAmazonEC2 Ec2 => _ec2.Value;

    /// <summary>
    /// A signed client for a service with no SDK package here, acting in the member account:
    /// <paramref name="signingName"/> is the SigV4 name (e.g. <c>cloudtrail</c>, <c>rds</c>),
    /// <paramref name="serviceId"/> the endpoint variable suffix (e.g. <c>CLOUDTRAIL</c>, <c>RDS</c>).
    /// </summary>
    public SignedServiceClient Service(string signingName, string serviceId) =>
        _services.GetOrAdd(signingName, _ => _signed.Value.CreateService(signingName, serviceId, Region));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }

        if (_ec2.IsValueCreated)
        {
            _ec2.Value.Dispose();
        }

        foreach (var service in _services.Values)
        {
            service.Dispose();
        }
    }
}
