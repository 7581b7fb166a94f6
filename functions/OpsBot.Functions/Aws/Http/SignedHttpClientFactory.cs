using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// Builds <see cref="HttpClient"/>s that sign every request with SigV4 (AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/>) for services OpsBot calls without a generated SDK client,
/// and <see cref="SignedServiceClient"/>s that call them with retries and timeouts.
/// </summary>
/// <param name="credentials">The credentials to sign with.</param>
/// <param name="endpoints">Endpoint resolution (emulators).</param>
/// <param name="transport">The handler that sends the signed requests; it is shared and never disposed here.</param>
/// <param name="policy">Retries and timeouts for <see cref="CreateService"/>; null for <see cref="AwsRetryOptions.Default"/> with statistics of its own.</param>
public sealed class SignedHttpClientFactory(AWSCredentials credentials, AwsEndpoints endpoints, HttpMessageHandler transport, AwsCallPolicy? policy = null)
{
    /// <summary>The retry policy of the clients <see cref="CreateService"/> builds.</summary>
    public AwsCallPolicy Policy { get; } = policy ?? new AwsCallPolicy(AwsRetryOptions.Default, new AwsCallStatistics());

    /// <summary>A client for <paramref name="signingName"/> (e.g. <c>sns</c>, <c>events</c>) in <paramref name="region"/>, and the endpoint to post to.</summary>
    /// <param name="signingName">The SigV4 service name.</param>
    /// <param name="serviceId">The endpoint variable suffix, e.g. <c>SNS</c>, <c>EVENTBRIDGE</c>.</param>
    /// <param name="region">The region.</param>
    public (HttpClient Client, Uri Endpoint) Create(string signingName, string serviceId, string region)
    {
        var endpoint = endpoints.For(serviceId) ?? new Uri($"https://{signingName}.{region}.amazonaws.com/");
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), signingName, new NonDisposingHandler(transport));
        return (new HttpClient(signer, disposeHandler: true), endpoint);
    }

    /// <summary>Like <see cref="Create"/>, as a <see cref="SignedServiceClient"/> that retries through <see cref="Policy"/>.</summary>
    /// <param name="signingName">The SigV4 service name, also the name in errors and statistics.</param>
    /// <param name="serviceId">The endpoint variable suffix, e.g. <c>SNS</c>, <c>ORGANIZATIONS</c>.</param>
    /// <param name="region">The region (the signing region of global services such as Organizations: <c>us-east-1</c>).</param>
    public SignedServiceClient CreateService(string signingName, string serviceId, string region)
    {
        var (client, endpoint) = Create(signingName, serviceId, region);
        return new SignedServiceClient(signingName, client, endpoint, Policy);
    }

    // The signing handler disposes its inner handler; the transport is shared by every client.
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
