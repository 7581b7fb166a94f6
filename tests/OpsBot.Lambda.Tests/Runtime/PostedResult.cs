namespace OpsBot.Lambda.Tests.Runtime;

/// <summary>What the runtime posted for an invocation: "response" or "error", the body, and the error-type header.</summary>
internal sealed record PostedResult(string Kind, string Body, string? ErrorType);
