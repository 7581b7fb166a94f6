using System.Net;
using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>An error answer the proxy gives instead of forwarding, in the service's own wire format.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The media type of <paramref name="Body"/>.</param>
/// <param name="Body">The error document.</param>
/// <param name="RequestId">Sent as <c>x-amzn-RequestId</c> and inside the body, as AWS does.</param>
internal sealed record FaultResponse(int Status, string ContentType, string Body, string RequestId)
{
    public async Task WriteToAsync(HttpListenerResponse response, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.AppendHeader("x-amzn-RequestId", RequestId);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
        response.Close();
    }
}
