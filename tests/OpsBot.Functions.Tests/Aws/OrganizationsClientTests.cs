using System.Net;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Organizations;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Aws;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OrganizationsClientTests(MotoServer moto) : IDisposable
{
    private readonly SocketsHttpHandler _transport = new();
    private readonly MotoAccounts _accounts = new(moto);

    [Fact]
    public async Task Lists_every_account_of_the_organization_across_pages()
    {
        var management = MotoAccounts.NewAccountId();
        var credentials = await _accounts.CredentialsForAsync(management);
        var members = await _accounts.CreateOrganizationAsync(credentials, _transport, 3);
        using var client = new OrganizationsClient(new SignedHttpClientFactory(credentials, _accounts.Endpoints, _transport), pageSize: 2);

        var listed = await client.ListActiveAccountsAsync(CancellationToken.None);

        Assert.Equal([.. new[] { management }.Concat(members).Order(StringComparer.Ordinal)], listed.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(listed, a => Assert.Equal("ACTIVE", a.Status));
    }

    [Fact]
    public async Task An_account_outside_any_organization_gets_an_error_not_an_empty_list()
    {
        var credentials = await _accounts.CredentialsForAsync(MotoAccounts.NewAccountId());
        using var client = new OrganizationsClient(new SignedHttpClientFactory(credentials, _accounts.Endpoints, _transport));

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.ListActiveAccountsAsync(CancellationToken.None));

        Assert.Equal(("organizations", "ListAccounts", "NoAccounts"), (error.Service, error.Operation, error.ErrorCode));
    }

    [Fact]
    public async Task Organizations_not_in_use_fails_at_once_without_retry()
    {
        await using var organizations = new ScriptedAwsService(ScriptedAwsAnswer.JsonError(400, "AWSOrganizationsNotInUseException"));
        var statistics = new AwsCallStatistics();
        using var client = StandInClient(organizations, statistics);

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.ListActiveAccountsAsync(CancellationToken.None));

        Assert.Equal(("AWSOrganizationsNotInUseException", HttpStatusCode.BadRequest), (error.ErrorCode, error.Status));
        Assert.Equal((1L, 0L), (statistics.For("organizations").Attempts, statistics.For("organizations").Retries));
    }

    [Fact]
    public async Task Suspended_and_closing_accounts_are_left_out_and_every_page_is_read()
    {
        await using var organizations = new ScriptedAwsService(
            ScriptedAwsAnswer.Ok("""{"Accounts":[{"Id":"111111111111","Name":"a","Status":"ACTIVE","State":"ACTIVE"},{"Id":"222222222222","Name":"b","Status":"SUSPENDED","State":"SUSPENDED"}],"NextToken":"page-2"}"""),
            ScriptedAwsAnswer.JsonError(400, "TooManyRequestsException"),
            ScriptedAwsAnswer.Ok("""{"Accounts":[{"Id":"333333333333","Name":"c","Status":"PENDING_CLOSURE"},{"Id":"444444444444","Name":"d","Status":"ACTIVE","JoinedTimestamp":1.7E9}]}"""));
        using var client = StandInClient(organizations, new AwsCallStatistics());

        var listed = await client.ListActiveAccountsAsync(CancellationToken.None);

        Assert.Equal([new OrganizationAccount("111111111111", "a", "ACTIVE"), new OrganizationAccount("444444444444", "d", "ACTIVE")], listed);
        Assert.Equal(["""{"MaxResults":20}""", """{"NextToken":"page-2","MaxResults":20}""", """{"NextToken":"page-2","MaxResults":20}"""], organizations.Received.Select(r => r.Body));
    }

    public void Dispose() => _transport.Dispose();

    private OrganizationsClient StandInClient(ScriptedAwsService organizations, AwsCallStatistics statistics)
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ORGANIZATIONS"] = organizations.Endpoint.ToString() });
        var policy = new AwsCallPolicy(AwsRetryOptions.Default, statistics, (_, _) => Task.CompletedTask);
        return new OrganizationsClient(new SignedHttpClientFactory(MotoAccounts.Default, new AwsEndpoints(environment), _transport, policy));
    }
}
