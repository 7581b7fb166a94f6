namespace OpsBot.Benchmarks.Pipeline;

/// <summary>
/// The AWS answers the pipeline benchmark serves, shaped like the real services' wire formats
/// (EC2, STS and SNS Query XML; DynamoDB and EventBridge JSON), for one member account holding a
/// group that breaks the admin-ports policy and one that complies.
/// </summary>
internal static class CannedAwsResponses
{
    public const string CentralAccount = "123456789012";
    public const string MemberAccount = "111111111111";
    public const string ViolatingGroup = "sg-0a1b2c3d4e5f60001";
    public const string CompliantGroup = "sg-0a1b2c3d4e5f60002";
    public const string SshRuleId = "sgr-0a1b2c3d4e5f60011";
    public const string HttpsRuleId = "sgr-0a1b2c3d4e5f60012";

    private const string Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public const string DynamoDbEmpty = "{}";

    // With ReturnValuesOnConditionCheckFailure=ALL_OLD: the claim the pipeline met is a finished one.
    public const string DynamoDbConditionFailed =
        """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"pk":{"S":"EVENT#dup"},"sk":{"S":"CLAIM"},"status":{"S":"done"},"owner":{"S":"earlier"}}}""";

    public const string PutEvents = """{"FailedEntryCount":0,"Entries":[{"EventId":"11111111-2222-3333-4444-555555555555"}]}""";

    public const string SnsPublish =
        """<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>6a1f0c52-1b7e-4a5e-9b9e-1b2c3d4e5f60</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>""";

    public const string GetCallerIdentity =
        $"""<GetCallerIdentityResponse xmlns="{StsNamespace}"><GetCallerIdentityResult><Arn>arn:aws:iam::{CentralAccount}:user/opsbot</Arn><UserId>AIDAEXAMPLE</UserId><Account>{CentralAccount}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></GetCallerIdentityResponse>""";

    public const string AssumeRole =
        $"""<AssumeRoleResponse xmlns="{StsNamespace}"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:opsbot-remediation</AssumedRoleId><Arn>arn:aws:sts::{MemberAccount}:assumed-role/OpsBotRemediationRole/opsbot-remediation</Arn></AssumedRoleUser><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>r-3</RequestId></ResponseMetadata></AssumeRoleResponse>""";

    public const string RevokeIngress =
        $"""<RevokeSecurityGroupIngressResponse xmlns="{Ec2Namespace}"><requestId>r-4</requestId><return>true</return></RevokeSecurityGroupIngressResponse>""";

    public static string DescribeSecurityGroups(string groupId) =>
        $"""<DescribeSecurityGroupsResponse xmlns="{Ec2Namespace}"><requestId>r-5</requestId><securityGroupInfo><item><ownerId>{MemberAccount}</ownerId><groupId>{groupId}</groupId><groupName>web-{groupId[^4..]}</groupName><groupDescription>web servers</groupDescription><vpcId>vpc-0a1b2c3d4e5f60000</vpcId><ipPermissions/><ipPermissionsEgress/><tagSet><item><key>team</key><value>web</value></item></tagSet></item></securityGroupInfo></DescribeSecurityGroupsResponse>""";

    /// <summary>The group's rules: SSH open to the world (unless <paramref name="sshRevoked"/>) or from 10.0.0.0/8, HTTPS from the world, all egress.</summary>
    public static string DescribeSecurityGroupRules(string groupId, bool sshWorldOpen, bool sshRevoked)
    {
        var ssh = sshRevoked ? "" : Rule(SshRuleId, groupId, false, "tcp", 22, sshWorldOpen ? "0.0.0.0/0" : "10.0.0.0/8");
        var rules = ssh
            + Rule(HttpsRuleId, groupId, false, "tcp", 443, "0.0.0.0/0")
            + Rule("sgr-0a1b2c3d4e5f60013", groupId, true, "-1", -1, "0.0.0.0/0");
        return $"""<DescribeSecurityGroupRulesResponse xmlns="{Ec2Namespace}"><requestId>r-6</requestId><securityGroupRuleSet>{rules}</securityGroupRuleSet></DescribeSecurityGroupRulesResponse>""";
    }

    private static string Rule(string ruleId, string groupId, bool egress, string protocol, int port, string cidr) =>
        $"""<item><securityGroupRuleId>{ruleId}</securityGroupRuleId><groupId>{groupId}</groupId><groupOwnerId>{MemberAccount}</groupOwnerId><isEgress>{(egress ? "true" : "false")}</isEgress><ipProtocol>{protocol}</ipProtocol><fromPort>{port}</fromPort><toPort>{port}</toPort><cidrIpv4>{cidr}</cidrIpv4><tags/></item>""";
}
