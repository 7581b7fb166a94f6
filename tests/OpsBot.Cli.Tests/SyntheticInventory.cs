using System.Text.Json.Nodes;

namespace OpsBot.Cli.Tests;

/// <summary>
/// A describe-security-groups document of <c>count</c> groups, shaped like the benchmark's generated
/// inventory: five ingress permissions each (HTTPS and HTTP from the world, SSH from a private /24,
/// PostgreSQL from a private /16, 8080 from one public /32); every 10th group has SSH open to
/// 0.0.0.0/0 instead, which only ec2-sg-admin-ports-public (high) matches.
/// </summary>
internal static class SyntheticInventory
{
    public static string GroupId(int index) => $"sg-{index:x17}";

    /// <summary>The ids of the groups with SSH open to the world.</summary>
    public static IReadOnlyList<string> Violating(int count) => [.. Enumerable.Range(0, count).Where(i => i % 10 == 0).Select(GroupId)];

    public static string Document(int count) =>
        new JsonObject { ["SecurityGroups"] = new JsonArray([.. Enumerable.Range(0, count).Select(Group)]) }.ToJsonString();

    private static JsonNode Group(int i) => new JsonObject
    {
        ["GroupId"] = GroupId(i),
        ["GroupName"] = $"group-{i}",
        ["Description"] = "synthetic inventory",
        ["OwnerId"] = "111111111111",
        ["VpcId"] = "vpc-0123456789abcdef0",
        ["IpPermissions"] = new JsonArray(
            Permission(443, ["0.0.0.0/0"], ["::/0"]),
            Permission(80, ["0.0.0.0/0"], []),
            Permission(22, [i % 10 == 0 ? "0.0.0.0/0" : $"10.0.{i}.0/24"], []),
            Permission(5432, [$"10.{i}.0.0/16"], []),
            Permission(8080, [$"203.0.113.{i}/32"], [])),
        ["IpPermissionsEgress"] = new JsonArray(new JsonObject
        {
            ["IpProtocol"] = "-1",
            ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "0.0.0.0/0" }),
        }),
        ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "payments" }),
    };

    private static JsonObject Permission(int port, string[] ipv4, string[] ipv6) => new()
    {
        ["IpProtocol"] = "tcp",
        ["FromPort"] = port,
        ["ToPort"] = port,
        ["IpRanges"] = new JsonArray([.. ipv4.Select(c => (JsonNode)new JsonObject { ["CidrIp"] = c })]),
        ["Ipv6Ranges"] = new JsonArray([.. ipv6.Select(c => (JsonNode)new JsonObject { ["CidrIpv6"] = c })]),
    };
}
