namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>How many faults of one kind the proxy injected into one operation.</summary>
/// <param name="Service">The signing name, e.g. <c>dynamodb</c>.</param>
/// <param name="Operation">The operation, e.g. <c>PutItem</c>.</param>
/// <param name="Kind">The fault.</param>
/// <param name="Count">How many times.</param>
public sealed record FaultCount(string Service, string Operation, FaultKind Kind, int Count)
{
    /// <summary>"dynamodb PutItem Throttle 7", one line of a report.</summary>
    public override string ToString() => $"{Service} {Operation} {Kind} {Count}";
}
