using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Tests.Aws;

public sealed class AwsErrorBodyTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.organizations.v20161128#AWSOrganizationsNotInUseException","Message":"x"}""", "AWSOrganizationsNotInUseException")]
    [InlineData("""{"code":"ThrottlingException","message":"x"}""", "ThrottlingException")]
    [InlineData("<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>", "Throttling")]
    [InlineData("<Response><Errors><Error><Code>RequestLimitExceeded</Code></Error></Errors></Response>", "RequestLimitExceeded")]
    [InlineData("not an error document", "")]
    public void Reads_the_error_code_of_json_and_xml_answers(string body, string code) =>
        Assert.Equal(code, AwsErrorBody.Code(body));

    [Theory]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "ProvisionedThroughputExceededException", true)]
    [InlineData(429, "", true)]
    [InlineData(502, "", true)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(404, "NotFound", false)]
    public void Only_throttling_5xx_and_transient_codes_are_worth_a_retry(int status, string code, bool retryable) =>
        Assert.Equal(retryable, AwsErrorCodes.IsRetryable(status, code));
}
