namespace OpsBot.Functions.Aws.Organizations;

/// <summary>A member account of the organization, as <c>ListAccounts</c> reports it.</summary>
/// <param name="Id">The 12-digit account id.</param>
/// <param name="Name">The account's friendly name.</param>
/// <param name="Status">The account's state: <c>ACTIVE</c>, <c>SUSPENDED</c>, <c>PENDING_CLOSURE</c>, ...</param>
public sealed record OrganizationAccount(string Id, string Name, string Status);
