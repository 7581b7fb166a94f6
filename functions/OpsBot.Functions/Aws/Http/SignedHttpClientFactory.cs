using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// Builds <see cref="HttpClient"/>s that sign every request with SigV4 (AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/>) for services OpsBot calls without a generated SDK client.
/// </summary>
/// <param name="credentials">The credentials to sign with.</param>
/// <param name="endpoints">Endpoint resolution (emulators).</param>
/// <param name="transport">The handler that sends the signed requests; it is shared and never disposed here.</param>
public sealed class SignedHttpClientFactory(AWSCredentials credentials, AwsEndpoints endpoints, HttpMessageHandler transport)
{
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

    // The signing handler disposes its inner handler; the transport is shared by every client.
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
