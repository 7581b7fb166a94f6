namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates, in the member account of the local topology, the live state a policy test case's state
/// document describes for one resource type, and says which ids the emulator gave in place of the
/// document's. One class per resource type, listed in <see cref="CaseSeeders"/>.
/// </summary>
public interface ICaseSeeder
{
    /// <summary>The resource type it creates, e.g. <c>aws.ec2.security-group</c>.</summary>
    string ResourceType { get; }

    /// <summary>Creates the state of <paramref name="context"/>; a state the emulator cannot hold is a skip with the reason.</summary>
    Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken);
}
