namespace OpsBot.Cli.Local.Scenarios;

/// <summary>The scenarios <c>opsbot demo</c> can run, the first being the default.</summary>
public static class DemoScenarios
{
    /// <summary>Every scenario, the default first.</summary>
    public static IReadOnlyList<IDemoScenario> All { get; } =
    [
        new SecurityGroupSshScenario(),
        new S3PublicAclScenario(),
        new CloudTrailLoggingStoppedScenario(),
        new Ec2InstanceImdsv1Scenario(),
        new RdsSnapshotPublicScenario(),
        new RdsClusterSnapshotPublicScenario(),
        new Ec2SnapshotPublicScenario(),
        new Ec2ImagePublicScenario(),
        new NetworkAclSshOpenScenario(),
    ];

    /// <summary>The scenario run when none is named.</summary>
    public static IDemoScenario Default => All[0];

    /// <summary>The scenario called <paramref name="name"/>, or null.</summary>
    public static IDemoScenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
