using Amazon.EC2;
using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Rules.Facts;
using TrafficDirection = OpsBot.Rules.Facts.TrafficDirection;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>
/// A revoke whose rule EC2 no longer knows is "revoked, unconfirmed" (a retry after a lost answer
/// meets its own effect), whichever of EC2's two NotFound codes answers it. moto answers
/// <c>InvalidPermission.NotFound</c> (covered on moto by the pipeline tests); EC2 answers a revoke by an
/// unknown rule id with <c>InvalidSecurityGroupRuleId.NotFound</c>, served here as EC2 words it.
/// </summary>
public sealed class RevokeNotFoundTests
{
    [Theory]
    [InlineData("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' does not exist")]
    [InlineData("InvalidPermission.NotFound", "The specified rule does not exist in this security group.")]
    public async Task A_revoke_ec2_answers_not_found_is_unconfirmed_and_kept_restorable(string code, string message)
    {
        var answer = $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>r-1</RequestID></Response>""";
        await using var ec2Api = new LoopbackHttpServer(context => LoopbackHttpServer.WriteAsync(context.Response, 400, answer, "text/xml"));
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("testing", "testing"), new AmazonEC2Config { ServiceURL = ec2Api.BaseAddress.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var ssh = new PermissionFact { Direction = TrafficDirection.Ingress, Protocol = "tcp", FromPort = 22, ToPort = 22, SourceKind = SourceKind.Ipv4Cidr, Source = "0.0.0.0/0", RuleId = "sgr-0123456789abcdef0" };

        var revoked = await new Ec2SecurityGroupClient(ec2).RevokeAsync("sg-0123456789abcdef0", [ssh], CancellationToken.None);

        var result = Assert.Single(revoked);
        Assert.True(result.Unconfirmed);
        Assert.Equal("sgr-0123456789abcdef0", result.Permission.RuleId);
    }
}
