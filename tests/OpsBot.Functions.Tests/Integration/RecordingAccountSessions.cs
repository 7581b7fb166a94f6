using System.Collections.Concurrent;
using OpsBot.Functions.Aws.Sts;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>Real member sessions, with the purpose of every one asked for written down.</summary>
internal sealed class RecordingAccountSessions(IAccountSessions inner) : IAccountSessions
{
    private readonly ConcurrentQueue<SessionPurpose> _purposes = new();

    public IReadOnlyList<SessionPurpose> Purposes => [.. _purposes];

    public Task<MemberSession> MemberAsync(string accountId, string region, SessionPurpose purpose, CancellationToken cancellationToken)
    {
        _purposes.Enqueue(purpose);
        return inner.MemberAsync(accountId, region, purpose, cancellationToken);
    }
}
