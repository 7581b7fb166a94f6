using System.Xml.Linq;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Cli.Local;

/// <summary>
/// A service that speaks the AWS Query protocol (form-encoded <c>Action=…&amp;Version=…</c>, XML back),
/// such as SNS and CloudFormation, called with SigV4-signed requests.
/// </summary>
public sealed class AwsQueryApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _version;

    /// <summary>A client for <paramref name="signingName"/> (e.g. <c>sns</c>) at API version <paramref name="version"/>.</summary>
    public AwsQueryApi(SignedHttpClientFactory clients, string signingName, string serviceId, string region, string version)
    {
        ArgumentNullException.ThrowIfNull(clients);
        (_http, _endpoint) = clients.Create(signingName, serviceId, region);
        _version = version;
    }

    /// <summary>Calls <paramref name="action"/>; returns the response document.</summary>
    /// <exception cref="AwsCallException">The service refused the call.</exception>
    public async Task<XDocument> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", _version) };
        form.AddRange(parameters);
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(_endpoint, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            // An emulator that fails inside answers with an HTML error page, not an AWS error document.
            throw new AwsCallException(_endpoint.Host, action, response.StatusCode, "", $"the answer is not an AWS response: {(body.Length > 200 ? body[..200] + "…" : body)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new AwsCallException(_endpoint.Host, action, response.StatusCode, Value(document, "Code") ?? "", Value(document, "Message") ?? body);
        }

        return document;
    }

    /// <summary>The text of the first element called <paramref name="name"/>, or null.</summary>
    public static string? Value(XDocument document, string name) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
