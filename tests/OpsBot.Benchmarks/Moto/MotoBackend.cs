using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.State;

namespace OpsBot.Benchmarks.Moto;

/// <summary>
/// What OpsBot needs on moto before it can handle an event: the state table, the alert topic and the
/// result bus in the central account (moto's default, 123456789012), and an EC2 client in a member
/// account reached by AssumeRole, where the security groups live. Names are unique per run.
/// </summary>
internal sealed class MotoBackend : IDisposable
{
    public const string Region = "us-east-1";
    public const string MemberAccount = "111111111111";

    private readonly SocketsHttpHandler _transport;

    private MotoBackend(Uri endpoint, SocketsHttpHandler transport, AwsClientFactory clients, OpsBotSettings settings, IAmazonEC2 memberEc2)
    {
        Endpoint = endpoint;
        _transport = transport;
        Clients = clients;
        Settings = settings;
        MemberEc2 = memberEc2;
    }

    public static BasicAWSCredentials Credentials { get; } = new("testing", "testing");

    public Uri Endpoint { get; }

    public AwsClientFactory Clients { get; }

    public OpsBotSettings Settings { get; }

    public IAmazonEC2 MemberEc2 { get; }

    public DictionaryEnvironmentVariables Environment => new(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Endpoint.ToString() });

    /// <summary>The variables a bootstrap process needs to run the event handler against this backend.</summary>
    public IReadOnlyDictionary<string, string> ProcessVariables => new Dictionary<string, string>
    {
        [OpsBotSettings.TableVariable] = Settings.TableName,
        [OpsBotSettings.TopicVariable] = Settings.AlertTopicArn,
        [OpsBotSettings.EventBusVariable] = Settings.EventBusName,
        [OpsBotSettings.PoliciesVariable] = string.Join(',', Settings.PolicyPaths),
        [OpsBotSettings.RegionVariable] = Region,
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
    };

    public static async Task<MotoBackend> CreateAsync(Uri endpoint)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var transport = new SocketsHttpHandler();
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint.ToString() });
        var endpoints = new AwsEndpoints(environment);
        var clients = new AwsClientFactory(endpoints, Credentials);
        var signed = new SignedHttpClientFactory(Credentials, endpoints, transport);

        var settings = new OpsBotSettings
        {
            TableName = "opsbot-state-" + suffix,
            AlertTopicArn = await CreateTopicAsync(signed, "opsbot-alerts-" + suffix),
            EventBusName = await CreateEventBusAsync(signed, "opsbot-results-" + suffix),
            PolicyPaths = [RepositoryPaths.Policies],
            Region = Region,
        };
        using (var dynamoDb = clients.CreateDynamoDb(Region))
        {
            await new DynamoDbStateStore(dynamoDb, settings.TableName, TimeProvider.System).EnsureTableAsync(CancellationToken.None);
        }

        using var sts = clients.CreateSts(Region);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{MemberAccount}:role/{OpsBotSettings.DefaultMemberRoleName}",
            RoleSessionName = "benchmark-setup",
        });
        var c = assumed.Credentials;
        var memberEc2 = clients.CreateEc2(new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), Region);
        return new MotoBackend(endpoint, transport, clients, settings, memberEc2);
    }

    /// <summary>Creates a group in the member account; returns its id.</summary>
    public async Task<string> CreateGroupAsync(string name, params (int Port, string Cidr)[] ingress)
    {
        var created = await MemberEc2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(name, "OpsBot benchmark group"));
        foreach (var (port, cidr) in ingress)
        {
            await AuthorizeAsync(created.GroupId, port, cidr);
        }

        return created.GroupId;
    }

    /// <summary>Opens <paramref name="port"/> to <paramref name="cidr"/>; returns the new rule's id (or a made-up one if moto gives none).</summary>
    public async Task<string> AuthorizeAsync(string groupId, int port, string cidr)
    {
        var response = await MemberEc2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        });
        return response.SecurityGroupRules is [var rule, ..] ? rule.SecurityGroupRuleId : "sgr-" + port.ToString("D17", CultureInfo.InvariantCulture);
    }

    /// <summary>The group's ingress rules as "port cidr" strings.</summary>
    public async Task<IReadOnlyList<string>> IngressAsync(string groupId)
    {
        var response = await MemberEc2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] });
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true).Select(r => $"{r.FromPort} {r.CidrIpv4 ?? r.CidrIpv6}")];
    }

    /// <summary>An AuthorizeSecurityGroupIngress event (SSH and HTTPS from the world) for a member-account group, as EventBridge delivers it.</summary>
    public static string AuthorizeEvent(string eventId, string groupId, string sshRuleId = "sgr-00000000000000022", string httpsRuleId = "sgr-00000000000000443") =>
        RepositoryPaths.Event("authorize-ssh-and-https-world.json", new Dictionary<string, string>
        {
            ["eventId"] = eventId,
            ["account"] = MemberAccount,
            ["groupId"] = groupId,
            ["sshRuleId"] = sshRuleId,
            ["httpsRuleId"] = httpsRuleId,
        });

    public void Dispose()
    {
        MemberEc2.Dispose();
        _transport.Dispose();
    }

    private static async Task<string> CreateTopicAsync(SignedHttpClientFactory signed, string name)
    {
        var (client, uri) = signed.Create("sns", "SNS", Region);
        using (client)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "CreateTopic", ["Name"] = name, ["Version"] = "2010-03-31" });
            using var response = await client.PostAsync(uri, content);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? XDocument.Parse(body).Descendants().First(e => e.Name.LocalName == "TopicArn").Value
                : throw new InvalidOperationException($"SNS CreateTopic failed: {body}");
        }
    }

    private static async Task<string> CreateEventBusAsync(SignedHttpClientFactory signed, string name)
    {
        var (client, uri) = signed.Create("events", "EVENTBRIDGE", Region);
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent($$"""{"Name":"{{name}}"}""") };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
            request.Headers.Add("X-Amz-Target", "AWSEvents.CreateEventBus");
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? name : throw new InvalidOperationException($"EventBridge CreateEventBus failed: {body}");
        }
    }
}
