using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Configuration;

public sealed class AwsEndpointsTests
{
    private static readonly DictionaryEnvironmentVariables Environment = new(new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
        ["AWS_ENDPOINT_URL_SNS"] = "http://localhost:5000",
    });

    [Fact]
    public void Prefers_the_service_specific_variable_over_the_global_one()
    {
        var endpoints = new AwsEndpoints(Environment);

        Assert.Equal(new Uri("http://localhost:5000"), endpoints.For("SNS"));
        Assert.Equal(new Uri("http://localhost:4566"), endpoints.For("EC2"));
    }

    [Fact]
    public void Prefers_an_explicit_override_over_the_environment()
    {
        var endpoints = new AwsEndpoints(Environment, new Uri("http://127.0.0.1:9999"));

        Assert.Equal(new Uri("http://127.0.0.1:9999"), endpoints.For("SNS"));
    }

    [Fact]
    public void Uses_the_public_endpoint_when_nothing_is_set()
    {
        var endpoints = new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()));

        Assert.Null(endpoints.For("EVENTBRIDGE"));
    }

    [Fact]
    public void Names_a_malformed_endpoint_variable()
    {
        var endpoints = new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = "not a url" }));

        var error = Assert.Throws<InvalidSettingException>(() => endpoints.For("STS"));

        Assert.Equal("AWS_ENDPOINT_URL_STS", error.Setting);
    }
}
