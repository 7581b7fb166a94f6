using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using OpsBot.Cli.Commands;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Organizations;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Sweep;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// Scans live accounts and regions, read-only: each resource of the type is listed in each
/// (account, region) through a member session (the role assumed there, or the caller's own
/// credentials in its own account) and evaluated as a saved inventory would be. An account or
/// region that cannot be read is reported and skipped; the others are still scanned.
/// </summary>
internal sealed class LiveScan(PolicySet policies, IEnvironmentVariables environment, TextWriter error)
{
    /// <summary>The region asked for the list of regions when <c>--regions all</c> names none.</summary>
    private const string FallbackRegion = "us-east-1";

    /// <exception cref="InputFileException">The options are inconsistent or name something that does not exist.</exception>
    /// <exception cref="LiveScanException">The caller's identity, the organization or the regions could not be read.</exception>
    public async Task<ScanReport> RunAsync(LiveScanOptions options, IResourceType type, IReadOnlyList<Policy> candidates, IScanProgress progress, CancellationToken cancellationToken)
    {
        var lister = ResourceListers.Default.Find(type.Name) ?? throw new InputFileException($"--resource {type.Name}: cannot be listed live");

        // A bad accounts file is bad input, found before any call is made.
        var fromFile = options.Accounts is null or "org" ? null : AccountsFile.Read(options.Accounts);
        var clients = new AwsClientFactory(new AwsEndpoints(environment, options.Endpoint), Credentials(options.Profile));
        var configured = environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION");
        List<string>? named = options.Regions is null or "all" ? null : [.. options.Regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (named is { Count: 0 })
        {
            throw new InputFileException($"--regions '{options.Regions}': no region named");
        }

        var home = named?[0] ?? configured ?? (options.Regions == "all" ? FallbackRegion : throw new InputFileException("no region: give --regions LIST|all or set AWS_REGION"));
        using var sessions = new AssumeRoleSessions(clients, home, options.Role ?? "", TimeProvider.System, RestoreDenyingSessionPolicy.Shipped);
        var caller = await Required("reading the caller's identity (sts:GetCallerIdentity)", () => sessions.CentralAccountAsync(cancellationToken));
        var accounts = fromFile ?? await AccountsAsync(options, clients, caller, cancellationToken);
        if (options.Role is null && accounts.FirstOrDefault(a => a != caller) is { } other)
        {
            throw new InputFileException($"account {other} is not the caller's ({caller}): give --role NAME to assume in it");
        }

        IReadOnlyList<string> regions = named ?? await Required("listing the regions (ec2:DescribeRegions)", () => AllRegionsAsync(clients, home, cancellationToken));
        var scan = new InventoryScan(policies);
        var findings = new List<ScanFinding>();
        var failures = new List<ScanFailure>();
        var resources = 0;
        await progress.RunAsync(accounts.Count * regions.Count, async step =>
        {
            foreach (var account in accounts)
            {
                foreach (var region in regions)
                {
                    step($"{account}/{region}");
                    try
                    {
                        var session = await sessions.MemberAsync(account, region, SessionPurpose.Sweeper(MissedViolationSweep.ScanSession), cancellationToken);
                        var listed = new List<object>();
                        await foreach (var resource in lister.ListAsync(session, cancellationToken))
                        {
                            listed.Add(resource);
                        }

                        var report = await scan.RunAsync(type, listed, candidates, account, region);
                        resources += report.Resources;
                        findings.AddRange(report.Findings);
                    }
                    catch (Exception ex) when (IsAwsFailure(ex))
                    {
                        var failure = new ScanFailure(account, region, OneLine(ex));
                        failures.Add(failure);
                        error.WriteLine($"error: {failure}");
                    }
                }
            }
        });

        return new ScanReport(resources, candidates, findings) { Failures = failures };
    }

    /// <summary>The default credential chain's credentials, or the named profile's.</summary>
    internal static AWSCredentials Credentials(string? profile)
    {
        if (profile is null)
        {
            try
            {
                return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            }
            catch (AmazonClientException ex)
            {
                throw new LiveScanException($"no AWS credentials: {OneLine(ex)}", ex);
            }
        }

        return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new InputFileException($"--profile {profile}: no such profile in the shared AWS config or credentials file");
    }

    private static async Task<IReadOnlyList<string>> AccountsAsync(LiveScanOptions options, AwsClientFactory clients, string caller, CancellationToken cancellationToken)
    {
        switch (options.Accounts)
        {
            case null:
                return [caller];
            case "org":
                using (var organizations = new OrganizationsClient(clients.CreateSigned(clients.CentralCredentials)))
                {
                    var listed = await Required("listing the organization's accounts (organizations:ListAccounts)", () => organizations.ListActiveAccountsAsync(cancellationToken));
                    return [.. listed.Select(a => a.Id)];
                }

            default:
                return AccountsFile.Read(options.Accounts);
        }
    }

    private static async Task<IReadOnlyList<string>> AllRegionsAsync(AwsClientFactory clients, string home, CancellationToken cancellationToken)
    {
        using var ec2 = clients.CreateEc2(clients.CentralCredentials, home);
        var response = await ec2.DescribeRegionsAsync(new Amazon.EC2.Model.DescribeRegionsRequest(), cancellationToken);
        return [.. (response.Regions ?? []).Select(r => r.RegionName).Order(StringComparer.Ordinal)];
    }

    private static async Task<T> Required<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsAwsFailure(ex))
        {
            throw new LiveScanException($"{what} failed: {OneLine(ex)}", ex);
        }
    }

    private static bool IsAwsFailure(Exception ex) => ex is AmazonServiceException or AmazonClientException or AwsCallException or HttpRequestException or InvalidOperationException;

    private static string OneLine(Exception ex) =>
        (ex.InnerException is { } inner && ex.Message.StartsWith("Error making request", StringComparison.Ordinal) ? inner.Message : ex.Message).ReplaceLineEndings(" ");
}
