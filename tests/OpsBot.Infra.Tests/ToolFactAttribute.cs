namespace OpsBot.Infra.Tests;

/// <summary>A fact that is skipped, with the reason, when a command-line tool it runs is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => Tools.Find(t) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(", ", missing)} not found on PATH; install it to run this test";
        }
    }
}
