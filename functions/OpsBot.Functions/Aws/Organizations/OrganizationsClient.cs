using System.Text.Json;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Aws.Organizations;

/// <summary>
/// <see cref="IOrganizationAccounts"/> over the Organizations JSON 1.1 API
/// (<c>X-Amz-Target: AWSOrganizationsV20161128.ListAccounts</c>, signing name <c>organizations</c>,
/// the global endpoint in <c>us-east-1</c>, or <c>AWS_ENDPOINT_URL_ORGANIZATIONS</c>), paged with
/// <c>NextToken</c> and retried through <see cref="AwsCallPolicy"/>.
/// </summary>
public sealed class OrganizationsClient : IOrganizationAccounts, IDisposable
{
    /// <summary>The region Organizations is signed for and served from (it is a global service).</summary>
    public const string SigningRegion = "us-east-1";

    /// <summary>The largest page <c>ListAccounts</c> accepts.</summary>
    public const int MaxPageSize = 20;

    private const string Active = "ACTIVE";
    private readonly SignedServiceClient _organizations;
    private readonly int _pageSize;

    /// <summary>A client signing with the factory's credentials (the central account's).</summary>
    /// <param name="clients">Builds the signed client.</param>
    /// <param name="pageSize">Accounts asked for per page, 1 to <see cref="MaxPageSize"/>.</param>
    public OrganizationsClient(SignedHttpClientFactory clients, int pageSize = MaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        _organizations = clients.CreateService("organizations", "ORGANIZATIONS", SigningRegion);
        _pageSize = pageSize;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrganizationAccount>> ListActiveAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<OrganizationAccount>();
        var listed = 0;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var request = JsonSerializer.Serialize(new ListAccountsRequestBody(next, _pageSize), OrganizationsJsonContext.Default.ListAccountsRequestBody);
            var response = await _organizations.PostJsonAsync("AWSOrganizationsV20161128.ListAccounts", request, cancellationToken);
            var page = Read(response);
            foreach (var account in page.Accounts ?? [])
            {
                listed++;
                var state = account.State ?? account.Status ?? "";
                if (state == Active && !string.IsNullOrEmpty(account.Id))
                {
                    accounts.Add(new OrganizationAccount(account.Id, account.Name ?? "", state));
                }
            }

            next = page.NextToken;
            // A service that hands back a token it already gave would otherwise be paged forever.
            if (!string.IsNullOrEmpty(next) && !seenTokens.Add(next))
            {
                throw new AwsCallException("organizations", "ListAccounts", response.Status, "RepeatedNextToken", "the same NextToken came back twice");
            }
        }
        while (!string.IsNullOrEmpty(next));

        // An organization always lists its management account; nothing at all means the caller is in
        // none (some emulators answer so instead of AWSOrganizationsNotInUseException).
        return listed > 0 ? accounts : throw new AwsCallException("organizations", "ListAccounts", null, "NoAccounts", "the organization lists no account, not even its management account: is Organizations in use?");
    }

    /// <inheritdoc />
    public void Dispose() => _organizations.Dispose();

    private static ListAccountsResponseBody Read(AwsResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, OrganizationsJsonContext.Default.ListAccountsResponseBody)
                ?? throw new AwsCallException("organizations", "ListAccounts", response.Status, "", "the answer is empty");
        }
        catch (JsonException ex)
        {
            throw new AwsCallException("organizations", "ListAccounts", response.Status, "", "the answer is not a ListAccounts result", ex);
        }
    }
}
