namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>A fault a test asked for by name: <paramref name="Kind"/> on the <paramref name="Occurrence"/>-th call of an operation, or on every call when it is null.</summary>
/// <param name="Service">The signing name, lower-case.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Occurrence">The 1-based occurrence, or null for every one.</param>
/// <param name="Kind">The fault.</param>
internal sealed record ScriptedFault(string Service, string Operation, int? Occurrence, FaultKind Kind)
{
    public bool Matches(AwsCall call) =>
        call.Service == Service && call.Operation == Operation && (Occurrence is null || Occurrence == call.Occurrence);
}
