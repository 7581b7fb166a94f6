using BenchmarkDotNet.Attributes;

namespace OpsBot.Benchmarks.Runner;

/// <summary>Adds <see cref="EventsPerSecondColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EventsPerSecondColumnAttribute() : ColumnConfigBaseAttribute(new EventsPerSecondColumn());
