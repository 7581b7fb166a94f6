namespace OpsBot.Functions.Aws.Organizations;

/// <summary>The <c>ListAccounts</c> answer (botocore <c>ListAccountsResponse</c>); only the members OpsBot reads.</summary>
internal sealed record ListAccountsResponseBody(IReadOnlyList<ListedAccount>? Accounts, string? NextToken);
