using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Holds;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot holds list --table NAME [--region R] [--endpoint-url URL] [--format table|json]</c>: lists
/// live exemptions and suppressions and the actions the brakes hold, with who, why and until when.
/// </summary>
internal static class HoldsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("holds", "List what OpsBot is holding back: exemptions, suppressions after Undo, and actions held by the brakes.");
        var tableOption = new Option<string>("--table") { Description = "The state table.", Required = true };
        var regionOption = new Option<string?>("--region") { Description = "The table's region (default AWS_REGION, else us-east-1)." };
        var endpointOption = EndpointOption.Create("Send the DynamoDB calls to this endpoint (moto, LocalStack).");
        var formatOption = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var list = new Command("list", "List live exemptions, suppressions and held actions with who, why and until when.") { tableOption, regionOption, endpointOption, formatOption };
        list.SetAction(async (result, cancellationToken) =>
        {
            var table = result.GetValue(tableOption)!;
            try
            {
                var environment = new ProcessEnvironmentVariables();
                var endpoint = EndpointOption.Parse(result.GetValue(endpointOption));
                var region = result.GetValue(regionOption) ?? environment.Get("AWS_REGION") ?? "us-east-1";
                var clients = new AwsClientFactory(new AwsEndpoints(environment, endpoint), DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
                using var dynamoDb = clients.CreateDynamoDb(region);
                var rows = await new HoldsListing(dynamoDb, table).ListAsync(DateTimeOffset.UtcNow, cancellationToken);
                output.Write(result.GetValue(formatOption) == "json" ? Json(rows) : Table(rows));
                return ExitCodes.Success;
            }
            catch (InputFileException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or HttpRequestException)
            {
                error.WriteLine($"error: cannot read the holds in {table}: {ex.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.BadInput;
            }
        });
        command.Subcommands.Add(list);
        return command;
    }

    private static string Json(IReadOnlyList<HeldAction> rows) =>
        new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["kind"] = r.Kind,
            ["account"] = r.Account,
            ["region"] = r.Region,
            ["resourceId"] = r.ResourceId,
            ["policyId"] = r.PolicyId,
            ["by"] = r.By,
            ["why"] = r.Why,
            ["until"] = r.Until?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["auditId"] = r.AuditId,
        })]).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;

    private static string Table(IReadOnlyList<HeldAction> rows)
    {
        if (rows.Count == 0)
        {
            return "nothing is held: no live exemption, suppression or held action" + Environment.NewLine;
        }

        string[] header = ["KIND", "RESOURCE", "POLICY", "ACCOUNT/REGION", "UNTIL", "BY", "WHY", "AUDIT"];
        var lines = rows.Select(r => new[]
        {
            r.Kind, r.ResourceId, r.PolicyId, $"{r.Account}/{r.Region}", r.Until?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-", r.By,
            r.Why.Length <= 60 ? r.Why : r.Why[..59] + "…", r.AuditId,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, lines.Max(l => l[i].Length))).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var line in lines.Prepend(header))
        {
            text.AppendLine(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Kind == "exemption")} exemption(s), {rows.Count(r => r.Kind == "suppression")} suppression(s), {rows.Count(r => r.Kind == "held")} held action(s)");
        return text.ToString();
    }
}
