namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// The error each service really sends for a throttle, an internal error and an outage, in its own
/// protocol, so the SDKs and OpsBot's own clients classify them as they would from AWS: EC2's Query
/// dialect, DynamoDB's JSON 1.0 with namespaced types, SNS and STS Query <c>ErrorResponse</c>s with
/// their namespaces, S3's REST <c>Error</c>, and otherwise the protocol the request was sent in.
/// </summary>
internal static class FaultResponses
{
    private const string DynamoDbType = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>The answer for <paramref name="kind"/> (a throttle, server error or outage); <paramref name="alternate"/> picks DynamoDB's other throttling code.</summary>
    public static FaultResponse For(ProxiedRequest request, FaultKind kind, bool alternate)
    {
        var id = Guid.NewGuid().ToString();
        return (request.Service, kind) switch
        {
            ("ec2", FaultKind.Throttle) => Ec2(503, "RequestLimitExceeded", "Request limit exceeded.", id),
            ("ec2", FaultKind.ServerError) => Ec2(500, "InternalError", "An internal error has occurred.", id),
            ("ec2", _) => Ec2(503, "Unavailable", "The server is overloaded and can't handle the request.", id),
            ("dynamodb", FaultKind.Throttle) => alternate
                ? Json(400, DynamoDbType + "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.", "application/x-amz-json-1.0", id)
                : Json(400, DynamoDbType + "ThrottlingException", "Rate of requests exceeds the allowed throughput.", "application/x-amz-json-1.0", id),
            ("dynamodb", FaultKind.ServerError) => Json(500, DynamoDbType + "InternalServerError", "Internal server error", "application/x-amz-json-1.0", id),
            ("dynamodb", _) => Json(503, DynamoDbType + "ServiceUnavailable", "Service unavailable", "application/x-amz-json-1.0", id),
            ("sns", _) => Query(kind, "InternalError", "https://sns.amazonaws.com/doc/2010-03-31/", id),
            ("sts", _) => Query(kind, "InternalFailure", "https://sts.amazonaws.com/doc/2011-06-15/", id),
            ("events", FaultKind.Throttle) => Json(400, "ThrottlingException", "Rate exceeded", "application/x-amz-json-1.1", id),
            ("events", FaultKind.ServerError) => Json(500, "InternalException", "Internal error", "application/x-amz-json-1.1", id),
            ("s3", FaultKind.Throttle) => S3(503, "SlowDown", "Please reduce your request rate.", id),
            ("s3", FaultKind.ServerError) => S3(500, "InternalError", "We encountered an internal error. Please try again.", id),
            ("s3", _) => S3(503, "ServiceUnavailable", "Service is unable to handle request.", id),
            _ when request.JsonContentType is { } json => kind switch
            {
                FaultKind.Throttle => Json(400, "ThrottlingException", "Rate exceeded", json, id),
                FaultKind.ServerError => Json(500, "InternalFailure", "Internal failure", json, id),
                _ => Json(503, "ServiceUnavailable", "Service unavailable", json, id),
            },
            _ => Query(kind, "InternalFailure", null, id),
        };
    }

    private static FaultResponse Ec2(int status, string code, string message, string id) =>
        new(status, "text/xml;charset=UTF-8", $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>{id}</RequestID></Response>""", id);

    private static FaultResponse Json(int status, string type, string message, string contentType, string id) =>
        new(status, contentType, $$"""{"__type":"{{type}}","message":"{{message}}"}""", id);

    private static FaultResponse Query(FaultKind kind, string internalCode, string? xmlNamespace, string id)
    {
        var (status, type, code, message) = kind switch
        {
            FaultKind.Throttle => (400, "Sender", "Throttling", "Rate exceeded"),
            FaultKind.ServerError => (500, "Receiver", internalCode, "Internal error"),
            _ => (503, "Receiver", "ServiceUnavailable", "Service unavailable"),
        };
        var ns = xmlNamespace is null ? "" : $" xmlns=\"{xmlNamespace}\"";
        return new(status, "text/xml", $"""<ErrorResponse{ns}><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{id}</RequestId></ErrorResponse>""", id);
    }

    private static FaultResponse S3(int status, string code, string message, string id) =>
        new(status, "application/xml", $"""<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>{id}</RequestId></Error>""", id);
}
