using System.Globalization;
using System.Text.Json.Nodes;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// The CloudTrail record (the EventBridge <c>detail</c>) an AWS API call by a member-account user
/// would produce, with the request and response parts the scenario gives.
/// </summary>
public static class CloudTrailRecord
{
    /// <summary>The demo's actor: an SSO developer in the member account.</summary>
    public static string DeveloperArn(string account) => $"arn:aws:sts::{account}:assumed-role/AWSReservedSSO_Developer/jane.doe@example.com";

    /// <summary>The demo's caller address.</summary>
    public const string SourceIp = "203.0.113.24";

    /// <summary>The record JSON of <paramref name="eventName"/> on <paramref name="eventSource"/>.</summary>
    public static string Write(string account, string region, string eventSource, string eventName, JsonObject requestParameters, JsonNode? responseElements, string userAgent)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "AssumedRole",
                ["principalId"] = "AROADEMOEXAMPLE:jane.doe@example.com",
                ["arn"] = DeveloperArn(account),
                ["accountId"] = account,
            },
            ["eventTime"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = SourceIp,
            ["userAgent"] = userAgent,
            ["requestParameters"] = requestParameters,
            ["responseElements"] = responseElements,
            ["eventID"] = Guid.NewGuid().ToString(),
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = account,
            ["eventCategory"] = "Management",
        };
        return record.ToJsonString();
    }
}
