using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>
/// Sessions in member accounts by <c>sts:AssumeRole</c> into
/// <c>arn:aws:iam::{account}:role/{memberRoleName}</c>. Credentials are cached per account until
/// <see cref="RefreshMargin"/> before they expire; the central account itself is used directly,
/// without assuming anything.
/// </summary>
public sealed class AssumeRoleSessions(AwsClientFactory clients, string centralRegion, string memberRoleName, TimeProvider clock) : IAccountSessions, ICentralAccount, IDisposable
{
    /// <summary>How long before expiry cached credentials are replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>The session name of every member session, which the member account's CloudTrail shows as the caller's.</summary>
    public const string SessionName = "opsbot-remediation";

    /// <summary>How long an assumed session lasts.</summary>
    public static readonly TimeSpan SessionDuration = TimeSpan.FromHours(1);

    private readonly IAmazonSecurityTokenService _sts = clients.CreateSts(centralRegion);
    private readonly ConcurrentDictionary<string, CachedSession> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _centralAccount;

    /// <summary>The central account's id, from <c>sts:GetCallerIdentity</c> (asked once).</summary>
    public async Task<string> CentralAccountAsync(CancellationToken cancellationToken)
    {
        if (_centralAccount is null)
        {
            var identity = await _sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            _centralAccount = identity.Account;
        }

        return _centralAccount;
    }

    /// <inheritdoc />
    public async Task<MemberSession> MemberAsync(string accountId, string region, CancellationToken cancellationToken) =>
        (await SessionAsync(accountId, region, cancellationToken)).Member;

    private async Task<CachedSession> SessionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var key = accountId + "/" + region;
        if (_sessions.TryGetValue(key, out var cached) && cached.IsFresh(clock.GetUtcNow()))
        {
            return cached;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_sessions.TryGetValue(key, out cached) && cached.IsFresh(clock.GetUtcNow()))
            {
                return cached;
            }

            var (credentials, expires) = await CredentialsForAsync(accountId, cancellationToken);
            var session = new CachedSession(new MemberSession(accountId, region, credentials, clients), expires);
            _sessions[key] = session;
            return session;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sts.Dispose();
        _lock.Dispose();
        foreach (var session in _sessions.Values)
        {
            session.Member.Dispose();
        }
    }

    private async Task<(AWSCredentials Credentials, DateTimeOffset Expires)> CredentialsForAsync(string accountId, CancellationToken cancellationToken)
    {
        if (accountId == await CentralAccountAsync(cancellationToken))
        {
            return (clients.CentralCredentials, DateTimeOffset.MaxValue);
        }

        var response = await _sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{accountId}:role/{memberRoleName}",
            RoleSessionName = SessionName,
            DurationSeconds = (int)SessionDuration.TotalSeconds,
        }, cancellationToken);
        var c = response.Credentials;
        var expires = c.Expiration is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind)) : clock.GetUtcNow() + SessionDuration;
        return (new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expires);
    }

    private sealed record CachedSession(MemberSession Member, DateTimeOffset Expires)
    {
        public bool IsFresh(DateTimeOffset now) => Expires == DateTimeOffset.MaxValue || now < Expires - RefreshMargin;
    }
}
