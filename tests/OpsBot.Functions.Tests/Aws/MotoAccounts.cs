using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>
/// Accounts of their own on the shared moto server: credentials for a fresh account id (moto keeps
/// each assumed account's state apart), and an organization managed by such an account, set up over
/// the Organizations JSON API independently of the client under test.
/// </summary>
internal sealed class MotoAccounts(MotoServer moto)
{
    public const string Region = "us-east-1";

    public AwsEndpoints Endpoints { get; } = new(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString() }));

    public static BasicAWSCredentials Default { get; } = new("testing", "testing");

    public AwsClientFactory Clients => new(Endpoints, Default);

    public static string NewAccountId() => string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.NextInt64(200_000_000_000, 999_999_999_999)}");

    /// <summary>Credentials acting in <paramref name="accountId"/>.</summary>
    public async Task<AWSCredentials> CredentialsForAsync(string accountId)
    {
        using var sts = Clients.CreateSts(Region);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{accountId}:role/{OpsBotSettings.DefaultMemberRoleName}", RoleSessionName = "test-setup" });
        var c = assumed.Credentials;
        return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    /// <summary>Makes <paramref name="management"/> the management account of a new organization with <paramref name="members"/> new accounts; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> CreateOrganizationAsync(AWSCredentials management, HttpMessageHandler transport, int members)
    {
        using var organizations = new SignedHttpClientFactory(management, Endpoints, transport).CreateService("organizations", "ORGANIZATIONS", Region);
        await organizations.PostJsonAsync("AWSOrganizationsV20161128.CreateOrganization", """{"FeatureSet":"ALL"}""", CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var name = "member-" + Guid.NewGuid().ToString("N")[..8];
            var created = await organizations.PostJsonAsync("AWSOrganizationsV20161128.CreateAccount", $$"""{"AccountName":"{{name}}","Email":"{{name}}@example.com"}""", CancellationToken.None);
            ids.Add(JsonNode.Parse(created.Body)!["CreateAccountStatus"]!["AccountId"]!.GetValue<string>());
        }

        return ids;
    }
}
