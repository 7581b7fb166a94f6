using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Tests.Resources.S3Bucket;

public class PolicyStatementFactTests
{
    private static PolicyStatementFact Statement(string json) =>
        Assert.Single(BucketPolicyReader.Read($$"""{"Version": "2012-10-17", "Statement": [{{json}}]}"""));

    [Theory]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}""")]
    [InlineData("""{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject"]}""")]
    [InlineData("""{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:cloudfront::*"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringNotEquals": {"aws:SourceAccount": "111111111111"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "0.0.0.0/0"]}}}""")]
    [InlineData("""{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:GetObject"}""")]
    public void An_allow_to_everyone_without_a_fixed_value_condition_is_public(string json) =>
        Assert.True(Statement(json).IsPublic);

    [Theory]
    [InlineData("""{"Effect": "Deny", "Principal": "*", "Action": "s3:*"}""")]
    [InlineData("""{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:GetObject"}""")]
    [InlineData("""{"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject"}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"AWS:SourceAccount": "111111111111"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:cloudfront::111111111111:distribution/E1"}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"ForAnyValue:StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}}}""")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": ["10.20.0.0/16", "198.51.100.7"]}}}""")]
    public void An_allow_to_named_principals_a_deny_or_a_fixed_value_condition_is_not_public(string json) =>
        Assert.False(Statement(json).IsPublic);

    [Fact]
    public void A_single_statement_object_is_read_as_a_list_of_one() =>
        Assert.Equal("Allow", Assert.Single(BucketPolicyReader.Read("""{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}}""")).Effect);

    [Fact]
    public void A_statement_allows_an_action_named_exactly_or_by_wildcard()
    {
        var statement = Statement("""{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:*"]}""");

        Assert.True(statement.Allows("s3:PutObject"));
        Assert.True(statement.Allows("s3:getobject"));
    }
}
