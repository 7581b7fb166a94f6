namespace OpsBot.Lambda.Runtime;

/// <summary>One invocation handed out by the Lambda Runtime API.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Deadline">Lambda-Runtime-Deadline-Ms as a point in time.</param>
/// <param name="FunctionArn">Lambda-Runtime-Invoked-Function-Arn.</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id (X-Ray), or null.</param>
/// <param name="Body">The event JSON.</param>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string FunctionArn, string? TraceId, string Body);
