using System.Collections.Specialized;
using System.Text;
using System.Web;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// A request the proxy has read in full: what it needs to name the call (<see cref="Service"/>,
/// <see cref="Operation"/>, the wire protocol) and to send it on unchanged, signature and all.
/// </summary>
internal sealed class ProxiedRequest
{
    // Hop-by-hop headers belong to the client's connection, not the call; Content-Length is recomputed.
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Upgrade", "Expect", "Content-Length",
    };

    private readonly NameValueCollection _headers;

    public ProxiedRequest(string method, string rawUrl, NameValueCollection headers, byte[] body)
    {
        Method = method;
        RawUrl = rawUrl;
        _headers = headers;
        Body = body;
        Service = SigningName(headers["Authorization"]) ?? SigningName(QueryValue("X-Amz-Credential")) ?? "";
        Operation = TargetOperation(headers["X-Amz-Target"]) ?? FormValue("Action") ?? QueryValue("Action") ?? method;
    }

    public string Method { get; }

    /// <summary>Path and query exactly as the client sent them (the signature covers them).</summary>
    public string RawUrl { get; }

    public byte[] Body { get; }

    public string Service { get; }

    public string Operation { get; }

    /// <summary>The AWS JSON media type the call was sent with (<c>application/x-amz-json-1.0</c> or <c>-1.1</c>), or null for Query and REST calls.</summary>
    public string? JsonContentType
    {
        get
        {
            var type = MediaType();
            return type.StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase) ? type
                : _headers["X-Amz-Target"] is not null ? "application/x-amz-json-1.1"
                : null;
        }
    }

    /// <summary>The client asked for its connection to end after this request.</summary>
    public bool ClosesConnection => (_headers["Connection"] ?? "").Contains("close", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same request for <paramref name="upstream"/>, keeping the client's Host header so the SigV4 signature still matches and URLs the upstream builds point back through the proxy.</summary>
    public HttpRequestMessage ToUpstream(Uri upstream)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(upstream, RawUrl));
        if (Body.Length > 0 || Method is "POST" or "PUT" or "PATCH")
        {
            message.Content = new ByteArrayContent(Body);
        }

        foreach (var name in _headers.AllKeys.OfType<string>().Where(n => !ConnectionHeaders.Contains(n)))
        {
            foreach (var value in _headers.GetValues(name) ?? [])
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        message.Headers.Host = _headers["Host"];
        return message;
    }

    // Credential=AKID/20260101/us-east-1/dynamodb/aws4_request: the service is the part before the terminator.
    private static string? SigningName(string? credentialHolder)
    {
        if (credentialHolder is null)
        {
            return null;
        }

        var start = credentialHolder.IndexOf("Credential=", StringComparison.Ordinal);
        var scope = start < 0 ? credentialHolder : credentialHolder[(start + "Credential=".Length)..];
        var end = scope.IndexOfAny([',', ' ']);
        var parts = (end < 0 ? scope : scope[..end]).Split('/');
        return parts.Length >= 5 && parts[^1] == "aws4_request" ? parts[^2].ToLowerInvariant() : null;
    }

    private static string? TargetOperation(string? target) =>
        string.IsNullOrWhiteSpace(target) ? null : target.Trim()[(target.Trim().LastIndexOf('.') + 1)..];

    private string? FormValue(string name) =>
        MediaType().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? NonEmpty(HttpUtility.ParseQueryString(Encoding.UTF8.GetString(Body))[name])
            : null;

    private string? QueryValue(string name)
    {
        var query = RawUrl.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? null : NonEmpty(HttpUtility.ParseQueryString(RawUrl[(query + 1)..])[name]);
    }

    private string MediaType() => (_headers["Content-Type"] ?? "").Split(';')[0].Trim();

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
