using System.Text.Json;

namespace OpsBot.Lambda.Tests.Build;

public class JitRuntimeConfigTests
{
    private const string DynamicCodeSwitch = "System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported";

    // CI compares the policy suite of the AOT binary with this build's; if the build reported dynamic
    // code as unsupported, both sides would run the expression interpreter and the diff would prove
    // nothing about compiled expressions.
    [Fact]
    public void The_jit_build_of_the_bootstrap_compiles_expressions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "bootstrap.runtimeconfig.json");
        Assert.True(File.Exists(path), $"the bootstrap's runtimeconfig is not beside the tests: {path}");

        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var options = config.RootElement.GetProperty("runtimeOptions");
        var dynamicCode = options.TryGetProperty("configProperties", out var properties) && properties.TryGetProperty(DynamicCodeSwitch, out var value)
            ? value.GetBoolean()
            : true;
        Assert.True(dynamicCode, $"{path} sets {DynamicCodeSwitch} to false: the JIT build would interpret policy expressions");
    }
}
