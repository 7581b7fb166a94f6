namespace OpsBot.Cli.Local.Cases;

/// <summary>The seeders <c>opsbot demo --cases</c> knows, one per resource type.</summary>
public static class CaseSeeders
{
    /// <summary>Every seeder.</summary>
    public static IReadOnlyList<ICaseSeeder> All { get; } =
    [
        new SecurityGroupSeeder(),
        new S3BucketSeeder(),
        new Ec2SnapshotSeeder(),
        new Ec2ImageSeeder(),
        new Ec2InstanceSeeder(),
        new NetworkAclSeeder(),
    ];

    /// <summary>The seeder of <paramref name="resourceType"/>, or null when the demo cannot create that type yet.</summary>
    public static ICaseSeeder? For(string resourceType) => All.FirstOrDefault(s => string.Equals(s.ResourceType, resourceType, StringComparison.Ordinal));
}
