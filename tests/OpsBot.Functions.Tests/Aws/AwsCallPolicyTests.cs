using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Tests.Aws;

public sealed class AwsCallPolicyTests
{
    private const string Service = "events";
    private readonly ConcurrentQueue<TimeSpan> _backoffs = new();
    private readonly AwsCallStatistics _statistics = new();

    [Fact]
    public async Task A_call_throttled_twice_succeeds_on_the_third_attempt_with_two_retries()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.JsonError(400, "ThrottlingException"), ScriptedAwsAnswer.JsonError(429, "TooManyRequestsException"));
        using var client = Client(aws);

        var response = await client.PostJsonAsync("AWSEvents.PutEvents", """{"n":1}""", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(new AwsServiceCallCounts(1, 3, 2, 1, 0, 0, 0), _statistics.For(Service));
        Assert.All(aws.Received, r => Assert.Equal("""{"n":1}""", r.Body));
        Assert.All(aws.Received, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_is_retried_and_the_next_answer_is_returned()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.XmlError(503, "ServiceUnavailable"));
        using var client = Client(aws);

        var response = await client.PostQueryAsync("Publish", [new("Version", "2010-03-31")], CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(1, _statistics.For(Service).Retries);
        Assert.All(aws.Received, r => Assert.Equal("Action=Publish&Version=2010-03-31", r.Body));
    }

    [Fact]
    public async Task An_attempt_that_hangs_past_its_timeout_is_abandoned_and_retried()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.Hanging(TimeSpan.FromSeconds(5)));
        using var client = Client(aws, new AwsRetryOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        var response = await client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None);

        Assert.Contains("ok", response.Body, StringComparison.Ordinal);
        Assert.Equal((2L, 1L), (_statistics.For(Service).Attempts, _statistics.For(Service).Retries));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.Dropped());
        using var client = Client(aws);

        var response = await client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, aws.Received.Count);
        Assert.Equal(1, _statistics.For(Service).Retries);
    }

    [Fact]
    public async Task A_validation_error_fails_at_once_with_service_operation_status_and_code()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.JsonError(400, "ValidationException"));
        using var client = Client(aws);

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None));

        Assert.Equal((Service, "PutEvents", HttpStatusCode.BadRequest, "ValidationException", 1), (error.Service, error.Operation, error.Status, error.ErrorCode, error.Attempts));
        Assert.Single(aws.Received);
        Assert.Equal(new AwsServiceCallCounts(1, 1, 0, 0, 1, 0, 0), _statistics.For(Service));
    }

    [Fact]
    public async Task Access_denied_is_not_retried()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.XmlError(403, "AccessDenied"));
        using var client = Client(aws);

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.PostQueryAsync("Publish", [], CancellationToken.None));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Single(aws.Received);
    }

    [Fact]
    public async Task When_every_attempt_is_throttled_the_call_gives_up_with_the_last_error()
    {
        await using var aws = new ScriptedAwsService(
            ScriptedAwsAnswer.JsonError(400, "ThrottlingException"),
            ScriptedAwsAnswer.JsonError(429, "TooManyRequestsException"),
            ScriptedAwsAnswer.XmlError(400, "Throttling"),
            ScriptedAwsAnswer.XmlError(503, "RequestLimitExceeded"));
        using var client = Client(aws);

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None));

        Assert.Equal(("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable, 4), (error.ErrorCode, error.Status, error.Attempts));
        Assert.Equal(new AwsServiceCallCounts(1, 4, 3, 0, 0, 1, 0), _statistics.For(Service));
    }

    [Fact]
    public async Task Backoffs_grow_exponentially_with_full_jitter_under_the_cap()
    {
        await using var aws = new ScriptedAwsService([.. Enumerable.Repeat(ScriptedAwsAnswer.JsonError(500, "InternalFailure"), 6)]);
        using var client = Client(aws, new AwsRetryOptions { MaxAttempts = 6, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(300) });

        await Assert.ThrowsAsync<AwsCallException>(() => client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None));

        double[] ceilings = [100, 200, 300, 300, 300];
        Assert.Equal(ceilings.Length, _backoffs.Count);
        Assert.All(_backoffs.Zip(ceilings), b => Assert.InRange(b.First.TotalMilliseconds, 0, b.Second));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        // The caller gives up after 2 s, long after the request reached the (hanging) service even on a
        // loaded machine, and long before the service would answer.
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.Hanging(TimeSpan.FromSeconds(10)));
        using var client = Client(aws);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostJsonAsync("AWSEvents.PutEvents", "{}", cancel.Token));

        Assert.Single(aws.Received);
        Assert.Equal(new AwsServiceCallCounts(1, 1, 0, 0, 0, 0, 1), _statistics.For(Service));
    }

    [Fact]
    public async Task A_call_never_runs_past_its_budget()
    {
        await using var aws = new ScriptedAwsService(ScriptedAwsAnswer.Hanging(TimeSpan.FromSeconds(10)));
        using var client = Client(aws, new AwsRetryOptions { Budget = TimeSpan.FromMilliseconds(400), AttemptTimeout = TimeSpan.FromSeconds(5) });
        var started = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<AwsCallException>(() => client.PostJsonAsync("AWSEvents.PutEvents", "{}", CancellationToken.None));

        Assert.Equal("DeadlineExceeded", error.ErrorCode);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(1, _statistics.For(Service).GivenUp);
    }

    private SignedServiceClient Client(ScriptedAwsService aws, AwsRetryOptions? options = null)
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = aws.Endpoint.ToString() });
        var policy = new AwsCallPolicy(options ?? AwsRetryOptions.Default, _statistics, RecordBackoff, new Random(7));
        var factory = new SignedHttpClientFactory(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsEndpoints(environment), Transport, policy);
        return factory.CreateService(Service, "EVENTBRIDGE", "eu-west-1");
    }

    private static readonly SocketsHttpHandler Transport = new() { PooledConnectionLifetime = TimeSpan.FromSeconds(30) };

    // Backoffs are recorded, not slept: retries run at once.
    private Task RecordBackoff(TimeSpan delay, CancellationToken cancellationToken)
    {
        _backoffs.Enqueue(delay);
        return Task.CompletedTask;
    }
}
