namespace OpsBot.Functions.Aws.Organizations;

/// <summary>The <c>ListAccounts</c> request (botocore <c>ListAccountsRequest</c>).</summary>
internal sealed record ListAccountsRequestBody(string? NextToken, int MaxResults);
