using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>
/// Sessions in member accounts by <c>sts:AssumeRole</c> into
/// <c>arn:aws:iam::{account}:role/{memberRoleName}</c>, one per <see cref="SessionPurpose"/>: the
/// session name carries the function and the audit id, <c>SourceIdentity</c> the Slack user of an
/// approval or undo, and every session but the Slack interactions function's is assumed with
/// <paramref name="restrictedSessionPolicy"/>, so it cannot re-open anything. Credentials are cached
/// per account, region and purpose until <see cref="RefreshMargin"/> before they expire; the central
/// account itself is used directly, without assuming anything.
/// </summary>
/// <param name="clients">Where clients come from.</param>
/// <param name="centralRegion">The region of the STS endpoint.</param>
/// <param name="memberRoleName">The member remediation role's name.</param>
/// <param name="clock">The clock.</param>
/// <param name="restrictedSessionPolicy">The session policy of the event handler's and the sweeper's sessions; null for <see cref="RestoreDenyingSessionPolicy.Shipped"/>.</param>
public sealed class AssumeRoleSessions(AwsClientFactory clients, string centralRegion, string memberRoleName, TimeProvider clock, string? restrictedSessionPolicy = null) : IAccountSessions, ICentralAccount, IDisposable
{
    /// <summary>How many sessions are kept; beyond it, the stalest are dropped (one is assumed per event, so they would pile up).</summary>
    public const int MaxCachedSessions = 256;

    /// <summary>How long before expiry cached credentials are replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>How long an assumed session lasts.</summary>
    public static readonly TimeSpan SessionDuration = TimeSpan.FromHours(1);

    private readonly IAmazonSecurityTokenService _sts = clients.CreateSts(centralRegion);
    private readonly ConcurrentDictionary<string, CachedSession> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _restrictedSessionPolicy = restrictedSessionPolicy ?? RestoreDenyingSessionPolicy.Shipped;
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
    public async Task<MemberSession> MemberAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken) =>
        (await SessionAsync(accountId, region, purpose, cancellationToken)).Member;

    /// <summary>The <c>AssumeRole</c> request for <paramref name="purpose"/> in <paramref name="accountId"/>.</summary>
    public AssumeRoleRequest RequestFor(string accountId, SessionPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{accountId}:role/{memberRoleName}",
            RoleSessionName = purpose.RoleSessionName,
            SourceIdentity = purpose.StsSourceIdentity,
            Policy = purpose.Function == OpsBotFunction.SlackInteractions ? null : _restrictedSessionPolicy,
            DurationSeconds = (int)SessionDuration.TotalSeconds,
        };
    }

    private async Task<CachedSession> SessionAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(purpose);
        var key = accountId + "/" + region + "/" + purpose.RoleSessionName + "/" + purpose.StsSourceIdentity;
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

            var (credentials, expires) = await CredentialsForAsync(accountId, purpose, cancellationToken);
            var session = new CachedSession(new MemberSession(accountId, region, credentials, clients), expires);
            Trim();
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

    // Dropped sessions are not disposed: a concurrent caller may still be using one, and the SDK's
    // clients share their HTTP handlers, so what is left for the collector is small.
    private void Trim()
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _sessions.Where(s => !s.Value.IsFresh(now)).Select(s => s.Key).ToList())
        {
            _sessions.TryRemove(stale, out _);
        }

        foreach (var oldest in _sessions.OrderBy(s => s.Value.Expires).Take(Math.Max(0, _sessions.Count - MaxCachedSessions + 1)).Select(s => s.Key).ToList())
        {
            _sessions.TryRemove(oldest, out _);
        }
    }

    private async Task<(AWSCredentials Credentials, DateTimeOffset Expires)> CredentialsForAsync(string accountId, SessionPurpose purpose, CancellationToken cancellationToken)
    {
        if (_centralAccount is not null)
        {
            return accountId == _centralAccount ? (clients.CentralCredentials, DateTimeOffset.MaxValue) : await AssumeAsync(accountId, purpose, cancellationToken);
        }

        // The process's first session: who OpsBot is and the member session are asked for side by side,
        // one round trip instead of two on a cold start. In the central account itself the session is
        // not used (and the role need not exist there), so its outcome is dropped.
        var assume = AssumeAsync(accountId, purpose, cancellationToken);
        string central;
        try
        {
            central = await CentralAccountAsync(cancellationToken);
        }
        catch (Exception)
        {
            await Observe(assume);
            throw;
        }

        if (accountId == central)
        {
            await Observe(assume);
            return (clients.CentralCredentials, DateTimeOffset.MaxValue);
        }

        return await assume;
    }

    // Waits for a request whose answer is not needed, so its failure is neither unobserved nor reported.
    private static async Task Observe(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Not needed: the caller reports its own outcome.
        }
    }

    private async Task<(AWSCredentials Credentials, DateTimeOffset Expires)> AssumeAsync(string accountId, SessionPurpose purpose, CancellationToken cancellationToken)
    {
        var response = await _sts.AssumeRoleAsync(RequestFor(accountId, purpose), cancellationToken);
        var c = response.Credentials;
        var expires = c.Expiration is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind)) : clock.GetUtcNow() + SessionDuration;
        return (new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expires);
    }

    private sealed record CachedSession(MemberSession Member, DateTimeOffset Expires)
    {
        public bool IsFresh(DateTimeOffset now) => Expires == DateTimeOffset.MaxValue || now < Expires - RefreshMargin;
    }
}
