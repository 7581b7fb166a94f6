namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>A chance of one of <paramref name="Kinds"/> for the calls of a service, or of one operation of it.</summary>
/// <param name="Service">The signing name, lower-case.</param>
/// <param name="Operation">The operation, or null for every operation of the service.</param>
/// <param name="Probability">The chance per call, 0 to 1.</param>
/// <param name="Kinds">The faults to pick from, uniformly.</param>
internal sealed record FaultRule(string Service, string? Operation, double Probability, IReadOnlyList<FaultKind> Kinds)
{
    public bool Matches(AwsCall call) => call.Service == Service && (Operation is null || Operation == call.Operation);
}
