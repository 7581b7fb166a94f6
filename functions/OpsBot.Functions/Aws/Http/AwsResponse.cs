using System.Net;

namespace OpsBot.Functions.Aws.Http;

/// <summary>A successful (2xx) answer of an AWS call, read in full.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body as text (XML for Query APIs, JSON for JSON 1.1 APIs).</param>
public sealed record AwsResponse(HttpStatusCode Status, string Body);
