namespace OpsBot.Cli.Tests;

/// <summary>Tests that set process environment variables run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
