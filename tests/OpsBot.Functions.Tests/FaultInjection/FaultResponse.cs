using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>An error answer the proxy gives instead of forwarding, in the service's own wire format.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The media type of <paramref name="Body"/>.</param>
/// <param name="Body">The error document.</param>
/// <param name="RequestId">Sent as <c>x-amzn-RequestId</c> and inside the body, as AWS does.</param>
internal sealed record FaultResponse(int Status, string ContentType, string Body, string RequestId)
{
    public Task WriteToAsync(ProxyExchange exchange, CancellationToken cancellationToken) =>
        exchange.RespondAsync(
            Status,
            [new("Content-Type", ContentType), new("x-amzn-RequestId", RequestId)],
            Encoding.UTF8.GetBytes(Body),
            cancellationToken);
}
