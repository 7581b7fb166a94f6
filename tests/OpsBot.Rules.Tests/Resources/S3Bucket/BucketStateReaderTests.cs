using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Tests.Resources.S3Bucket;

public class BucketStateReaderTests
{
    private const string Document = """
        {
          "Bucket": "example-reports",
          "Owner": {"DisplayName": "owner", "ID": "abc"},
          "Grants": [
            {"Grantee": {"Type": "CanonicalUser", "ID": "abc"}, "Permission": "FULL_CONTROL"},
            {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}
          ],
          "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": false, "RestrictPublicBuckets": true},
          "Policy": "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::example-reports/*\"}}",
          "TagSet": [{"Key": "opsbot:exempt", "Value": "true"}]
        }
        """;

    [Fact]
    public void Reads_the_acl_the_public_access_block_the_policy_and_the_tags_of_one_bucket()
    {
        var bucket = Assert.Single(BucketStateReader.Read(Document));

        Assert.Equal("example-reports", bucket.Name);
        Assert.Equal(["FULL_CONTROL to abc", "READ to AllUsers"], bucket.Grants.Select(g => g.ToString()));
        Assert.True(bucket.HasPublicAccessBlock);
        Assert.False(bucket.PublicAccessBlockFullyOn);
        Assert.True(Assert.Single(bucket.Statements).IsPublic);
        Assert.Equal("true", bucket.Tag("opsbot:exempt"));
    }

    [Fact]
    public void A_bucket_without_a_public_access_block_policy_or_tags_has_none()
    {
        var bucket = Assert.Single(BucketStateReader.Read("""[{"Bucket": "b", "Grants": []}]"""));

        Assert.False(bucket.HasPublicAccessBlock);
        Assert.False(bucket.BlockPublicAcls);
        Assert.Empty(bucket.Statements);
        Assert.Equal("", bucket.Tag("opsbot:exempt"));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("42", "found a JSON Number")]
    [InlineData("""{"Grants": []}""", "\"Bucket\" name")]
    [InlineData("""{"Bucket": "b", "Grants": {}}""", "\"Grants\" must be a list")]
    [InlineData("""{"Bucket": "b", "Grants": [{"Permission": "READ"}]}""", "\"Grantee\"")]
    [InlineData("""{"Bucket": "b", "PublicAccessBlockConfiguration": {"BlockPublicAcls": "yes"}}""", "BlockPublicAcls\" must be true or false")]
    [InlineData("""{"Bucket": "b", "Policy": {"Statement": []}}""", "as a JSON string")]
    [InlineData("""{"Bucket": "b", "Policy": "{not"}""", "bucket b: \"Policy\" is not a JSON policy document")]
    [InlineData("""{"Bucket": "b", "TagSet": [{"Value": "v"}]}""", "\"Key\"")]
    public void A_malformed_document_fails_with_what_is_wrong(string document, string expected)
    {
        var error = Assert.Throws<StateFormatException>(() => BucketStateReader.Read(document));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
