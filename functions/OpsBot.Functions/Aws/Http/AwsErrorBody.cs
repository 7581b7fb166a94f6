using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// Reads the error code and message out of an AWS error answer, whatever the protocol: the
/// <c>x-amzn-ErrorType</c> header and <c>__type</c>/<c>code</c> of JSON 1.1 APIs, or the
/// <c>&lt;Code&gt;</c>/<c>&lt;Message&gt;</c> of Query (XML) APIs.
/// </summary>
public static class AwsErrorBody
{
    /// <summary>The error code, e.g. <c>ThrottlingException</c>, without namespace or suffix; empty when none is found.</summary>
    public static string Code(string body, HttpResponseHeaders? headers = null)
    {
        if (headers is not null && headers.TryGetValues("x-amzn-ErrorType", out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            return Bare(header);
        }

        return Bare(Json(body, "__type", "code", "Code") ?? Xml(body, "Code") ?? "");
    }

    /// <summary>The error message, or the body itself (shortened) when it has no recognisable message.</summary>
    public static string Message(string body)
    {
        var message = Json(body, "message", "Message") ?? Xml(body, "Message");
        if (message is not null)
        {
            return message;
        }

        return body.Length <= 200 ? body : body[..200] + "...";
    }

    // "com.amazonaws.x#ThrottlingException" and "ThrottlingException:http://internal.amazon.com/" both mean ThrottlingException.
    private static string Bare(string code)
    {
        var name = code[(code.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? name[..colon] : name).Trim();
    }

    private static string? Json(string body, params string[] names)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in names)
            {
                if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Xml(string body, string localName)
    {
        if (!body.TrimStart().StartsWith('<'))
        {
            return null;
        }

        try
        {
            return XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
