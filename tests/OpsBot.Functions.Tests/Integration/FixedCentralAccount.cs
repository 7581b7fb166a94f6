using OpsBot.Functions.Aws.Sts;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>A central account named by the test (an organization's management account on moto), instead of asking STS.</summary>
internal sealed class FixedCentralAccount(string accountId) : ICentralAccount
{
    public Task<string> CentralAccountAsync(CancellationToken cancellationToken) => Task.FromResult(accountId);
}
