namespace OpsBot.Functions.State;

/// <summary>One counter an automatic action is counted on, in its fixed window (see <see cref="BrakeCounters.TryCountAllAsync"/>).</summary>
/// <param name="Counter">The counter, e.g. <c>ACCOUNT#111111111111</c>.</param>
/// <param name="WindowStart">The start of the window the action falls in.</param>
/// <param name="Window">The window's length.</param>
/// <param name="Limit">The most actions the window may hold.</param>
public sealed record BrakeCount(string Counter, DateTimeOffset WindowStart, TimeSpan Window, int Limit);
