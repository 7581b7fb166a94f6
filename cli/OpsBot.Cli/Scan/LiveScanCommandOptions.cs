using System.CommandLine;
using OpsBot.Cli.Commands;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Scan;

/// <summary>
/// The options of <c>opsbot scan</c> that select a live source instead of <c>--state</c>:
/// <c>--live</c>, <c>--profile</c>, <c>--role</c>, <c>--accounts</c>, <c>--regions</c>,
/// <c>--endpoint-url</c>, and <c>--remediate</c>.
/// </summary>
internal sealed class LiveScanCommandOptions
{
    private readonly Option<bool> _live = new("--live") { Description = "Scan live accounts (the caller's own account when no --accounts is given)." };
    private readonly Option<string?> _profile = new("--profile") { Description = "Credentials of this named profile instead of the default credential chain." };
    private readonly Option<string?> _role = new("--role") { Description = "Role NAME assumed in each account (arn:aws:iam::ACCOUNT:role/NAME); it needs read-only describe permissions." };
    private readonly Option<string?> _accounts = new("--accounts") { Description = "A file of 12-digit account ids, one a line ('#' comments), or 'org' for the organization's active accounts." };
    private readonly Option<string?> _regions = new("--regions") { Description = "Comma list of regions, or 'all' (ec2:DescribeRegions). Default: AWS_REGION." };
    private readonly Option<string?> _endpoint = EndpointOption.Create("One endpoint URL for every AWS service (an emulator such as moto).");
    private readonly Option<bool> _remediate = new("--remediate") { Description = "Send each finding through the remediation pipeline, as an event would be (security groups; needs the run-local settings)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _live, _profile, _role, _accounts, _regions, _endpoint, _remediate })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The live source asked for, or null for a scan of <c>--state</c>.</summary>
    /// <exception cref="InputFileException">Both a live source and <c>--state</c>, or neither, or <c>--remediate</c> without a live source.</exception>
    public LiveScanOptions? Read(ParseResult result, bool hasState)
    {
        var options = new LiveScanOptions(
            result.GetValue(_profile),
            result.GetValue(_role),
            result.GetValue(_accounts),
            result.GetValue(_regions),
            EndpointOption.Parse(result.GetValue(_endpoint)));
        var live = options.Any || result.GetValue(_live);
        if (live && hasState)
        {
            throw new InputFileException("--state reads a saved inventory and --live/--profile/--role/--accounts/--regions/--endpoint-url read live accounts: give one or the other");
        }

        if (!live && !hasState)
        {
            throw new InputFileException("nothing to scan: give --state FILE for a saved inventory, or --live (with --accounts, --regions, --role ...) for live accounts");
        }

        if (!live && Remediates(result))
        {
            throw new InputFileException("--remediate acts on live accounts; a saved inventory is only reported");
        }

        return live ? options : null;
    }

    /// <summary>True when <c>--remediate</c> was given.</summary>
    public bool Remediates(ParseResult result) => result.GetValue(_remediate);

    /// <summary>
    /// 1 when a finding reaches <paramref name="failOn"/> or an account or region could not be
    /// scanned (the report then is incomplete), otherwise 0.
    /// </summary>
    public static int ExitCode(ScanReport report, PolicySeverity? failOn) =>
        report.Failures.Count > 0 || (failOn is { } threshold && report.HasFindingAtOrAbove(threshold)) ? ExitCodes.Failed : ExitCodes.Success;
}
