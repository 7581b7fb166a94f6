using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Aws;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HandWrittenClientsOnMotoTests(MotoServer moto) : IDisposable
{
    private readonly SocketsHttpHandler _transport = new();
    private readonly AwsCallStatistics _statistics = new();
    private readonly MotoAccounts _accounts = new(moto);

    [Fact]
    public async Task Sns_publish_goes_through_the_retry_policy_in_one_attempt()
    {
        var signed = Factory(MotoAccounts.Default);
        using var topics = new SnsTopicSetup(signed, MotoAccounts.Region);
        var topicArn = await topics.CreateTopicAsync("opsbot-retry-" + Guid.NewGuid().ToString("N")[..8]);
        using var publisher = new SnsAlertPublisher(signed, topicArn);

        var messageId = await publisher.PublishAsync(new Alert("Subject", "{}", "high", "policy", "111111111111"), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(messageId));
        Assert.Equal(new AwsServiceCallCounts(1, 1, 0, 1, 0, 0, 0), _statistics.For("sns"));
    }

    [Fact]
    public async Task EventBridge_put_events_goes_through_the_retry_policy_in_one_attempt()
    {
        using var publisher = new EventBridgeResultPublisher(Factory(MotoAccounts.Default), MotoAccounts.Region, "default");

        var eventId = await publisher.PutAsync("OpsBot Remediation", """{"outcome":"Remediated"}""", CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(eventId));
        Assert.Equal(new AwsServiceCallCounts(1, 1, 0, 1, 0, 0, 0), _statistics.For("events"));
    }

    public void Dispose() => _transport.Dispose();

    private SignedHttpClientFactory Factory(AWSCredentials credentials) =>
        new(credentials, _accounts.Endpoints, _transport, new AwsCallPolicy(AwsRetryOptions.Default, _statistics));
}
