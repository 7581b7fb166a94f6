namespace OpsBot.ColdStart;

/// <summary>One process start serving one invocation.</summary>
/// <param name="Build">"AOT" or "JIT".</param>
/// <param name="InitMs">Process start to its first request for work (runtime start-up and handler construction).</param>
/// <param name="TotalMs">Process start to the invocation's response posted.</param>
/// <param name="PeakRssMiB">The process's peak resident set (VmHWM) once the response was posted; null where /proc is unreadable.</param>
/// <param name="Calls">The AWS calls moto received from the process ("service Operation", in order), when the run was recorded.</param>
internal sealed record ColdStartRun(string Build, double InitMs, double TotalMs, double? PeakRssMiB, IReadOnlyList<string>? Calls = null);
