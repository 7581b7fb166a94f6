using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// Writes the CloudTrail record EC2 would log for an <c>AuthorizeSecurityGroupIngress</c> call, with
/// the rules the call really created in <c>responseElements.securityGroupRuleSet</c>.
/// </summary>
public static class AuthorizeIngressRecord
{
    /// <summary>The CloudTrail <c>detail</c> JSON for rules just authorized on <paramref name="groupId"/> by <paramref name="actorArn"/>.</summary>
    public static string Write(string account, string region, string groupId, string actorArn, IReadOnlyList<SecurityGroupRule> created, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(created);
        var permissions = new JsonArray();
        var ruleSet = new JsonArray();
        foreach (var rule in created)
        {
            var v6 = rule.CidrIpv6 is not null;
            var range = new JsonObject { [v6 ? "cidrIpv6" : "cidrIp"] = rule.CidrIpv6 ?? rule.CidrIpv4 };
            permissions.Add(new JsonObject
            {
                ["ipProtocol"] = rule.IpProtocol,
                ["fromPort"] = rule.FromPort,
                ["toPort"] = rule.ToPort,
                ["groups"] = new JsonObject(),
                ["ipRanges"] = v6 ? new JsonObject() : new JsonObject { ["items"] = new JsonArray(range) },
                ["ipv6Ranges"] = v6 ? new JsonObject { ["items"] = new JsonArray(range) } : new JsonObject(),
                ["prefixListIds"] = new JsonObject(),
            });
            ruleSet.Add(new JsonObject
            {
                ["groupOwnerId"] = account,
                ["groupId"] = groupId,
                ["securityGroupRuleId"] = rule.SecurityGroupRuleId,
                ["isEgress"] = false,
                ["ipProtocol"] = rule.IpProtocol,
                ["fromPort"] = rule.FromPort,
                ["toPort"] = rule.ToPort,
                [v6 ? "cidrIpv6" : "cidrIpv4"] = rule.CidrIpv6 ?? rule.CidrIpv4,
            });
        }

        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "AssumedRole",
                ["principalId"] = "AROADEMOEXAMPLE:jane.doe@example.com",
                ["arn"] = actorArn,
                ["accountId"] = account,
            },
            ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["eventSource"] = "ec2.amazonaws.com",
            ["eventName"] = "AuthorizeSecurityGroupIngress",
            ["awsRegion"] = region,
            ["sourceIPAddress"] = "203.0.113.24",
            ["userAgent"] = "aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/ec2.authorize-security-group-ingress",
            ["requestParameters"] = new JsonObject { ["groupId"] = groupId, ["ipPermissions"] = new JsonObject { ["items"] = permissions } },
            ["responseElements"] = new JsonObject { ["_return"] = true, ["securityGroupRuleSet"] = new JsonObject { ["items"] = ruleSet } },
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
