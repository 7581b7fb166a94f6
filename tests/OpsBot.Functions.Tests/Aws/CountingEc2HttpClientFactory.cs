using Amazon.Runtime;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>Gives the EC2 SDK client an <see cref="HttpClient"/> that counts the Query API actions it sends.</summary>
internal sealed class CountingEc2HttpClientFactory : HttpClientFactory
{
    private readonly CountingHandler _handler = new();

    public IReadOnlyList<string> Bodies => [.. _handler.Bodies];

    public int Count(string action) => _handler.Bodies.Count(b => b.Contains($"Action={action}&", StringComparison.Ordinal));

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken) + "&");
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
