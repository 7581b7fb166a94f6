using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace OpsBot.Infra.Tests;

/// <summary>
/// docs/deploy.md step 1 builds the Lambda package with scripts/build-lambda.sh, and that script
/// yields what template.yaml deploys: an executable ELF <c>bootstrap</c> for this machine's
/// architecture next to the policies. The publish is Native AOT (a minute or two); filter it out
/// with <c>--filter Category!=AotPublish</c> when iterating.
/// </summary>
public sealed partial class LambdaPackageTests
{
    private const string Script = "scripts/build-lambda.sh";

    [Fact]
    public void The_deploy_guide_builds_the_package_with_the_build_script_into_publish()
    {
        var commands = BuildStepCommands();

        Assert.Contains($"{Script} publish", commands);
        Assert.DoesNotContain(commands, c => c.StartsWith("dotnet publish", StringComparison.Ordinal));
    }

    [ToolFact("bash", "dotnet")]
    [Trait("Category", "AotPublish")]
    [SupportedOSPlatform("linux")] // the package is a Linux executable, built on Linux
    public void The_build_script_publishes_an_executable_elf_bootstrap_for_this_machine_and_the_policies()
    {
        var output = Directory.CreateTempSubdirectory("opsbot-package-");
        try
        {
            var (exitCode, stdout, stderr) = Tools.Run("bash", [Script, output.FullName], Repo.Root, timeout: TimeSpan.FromMinutes(15));
            Assert.True(exitCode == 0, $"{Script} exited {exitCode}:\n{stdout}\n{stderr}");

            var bootstrap = Path.Combine(output.FullName, "bootstrap");
            Assert.True(File.Exists(bootstrap), $"{Script} left no bootstrap in its output:\n{stdout}");
            Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
            var header = File.ReadAllBytes(bootstrap).AsSpan(0, 20).ToArray();
            Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
            Assert.Equal(2, header[4]); // ELFCLASS64
            Assert.Contains(BitConverter.ToUInt16(header, 16), new ushort[] { 2, 3 }); // ET_EXEC, or ET_DYN for a position-independent executable
            Assert.Equal(HostElfMachine(), BitConverter.ToUInt16(header, 18));
            Assert.Equal(PolicyFiles(Repo.PathOf("policies")), PolicyFiles(Path.Combine(output.FullName, "policies")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [ToolFact("bash")]
    public void The_build_script_refuses_to_cross_compile_to_the_other_architecture()
    {
        var other = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-x64" : "linux-arm64";

        var (exitCode, _, stderr) = Tools.Run("bash", [Script, Path.Combine(Path.GetTempPath(), "opsbot-package-refused"), other], Repo.Root);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot build " + other, stderr, StringComparison.Ordinal);
    }

    private static List<string> PolicyFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    // e_machine: EM_X86_64 = 62, EM_AARCH64 = 183.
    private static ushort HostElfMachine() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => 62,
        Architecture.Arm64 => 183,
        var other => throw new Xunit.Sdk.XunitException($"no Lambda architecture for {other}"),
    };

    /// <summary>The shell lines of the bash blocks in docs/deploy.md's "1. Build the bootstrap" section.</summary>
    private static List<string> BuildStepCommands()
    {
        var guide = File.ReadAllText(Repo.PathOf("docs/deploy.md"));
        var section = BuildSection().Match(guide);
        Assert.True(section.Success, "docs/deploy.md has no '## 1. Build the bootstrap' section");
        return [.. BashBlock().Matches(section.Value)
            .SelectMany(m => m.Groups["body"].Value.Split('\n'))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)];
    }

    [GeneratedRegex(@"^## 1\. Build the bootstrap$.*?(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BuildSection();

    [GeneratedRegex(@"^```bash\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
