using OpsBot.Cli.Local;

namespace OpsBot.Functions.Tests.Emulator;

/// <summary>Integration tests share one moto server per run; each test builds its own resources in it.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "moto";
}
