using System.Diagnostics;

namespace OpsBot.Cli.Tests;

/// <summary>
/// The README's install: <c>dotnet pack</c> the CLI, <c>dotnet tool install</c> it from that folder
/// into a tool path, and run the installed <c>opsbot</c> from a folder outside the repository.
/// </summary>
[Trait("Category", "ToolInstall")]
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("opsbot-tool-").FullName;

    [Fact]
    public void The_packed_tool_installs_and_validates_policies_outside_the_repository()
    {
        var packages = Path.Combine(_scratch, "packages");
        var tools = Path.Combine(_scratch, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_scratch, "elsewhere")).FullName;
        CopyPolicies(Path.Combine(elsewhere, "policies"));

        // A version of its own, so a package cached by an earlier run is never the one installed.
        var version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Run("dotnet", ["pack", Path.Combine(RepositoryPaths.Root, "cli", "OpsBot.Cli"), "-c", "Release", "-o", packages, $"-p:PackageVersion={version}"], RepositoryPaths.Root);
        Run("dotnet", ["tool", "install", "opsbot", "--version", version, "--tool-path", tools, "--add-source", packages], elsewhere);
        var validated = Run(Path.Combine(tools, "opsbot"), ["validate"], elsewhere);
        var tested = Run(Path.Combine(tools, "opsbot"), ["test"], elsewhere);

        Assert.Contains("policies valid", validated, StringComparison.Ordinal);
        Assert.Contains(" passed, 0 failed", tested, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static void CopyPolicies(string to)
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Policies, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(RepositoryPaths.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Run(string program, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} {string.Join(' ', args)} did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {output.Result}{error.Result}");
        return output.Result;
    }
}
