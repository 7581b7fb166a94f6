namespace OpsBot.Functions.Aws.Organizations;

/// <summary>One <c>Account</c> of a <c>ListAccounts</c> page: <c>State</c> is the newer field, <c>Status</c> the one being retired.</summary>
internal sealed record ListedAccount(string? Id, string? Name, string? Status, string? State);
