using OpsBot.Cli.Local;
using OpsBot.Benchmarks.Moto;
using OpsBot.ColdStart;

ColdStartOptions options;
try
{
    options = ColdStartOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var builds = new List<(string Build, string Path)>();
if (options.AotPath is { } aot)
{
    builds.Add(("AOT", aot));
}

if (options.JitPath is { } jit)
{
    builds.Add(("JIT", jit));
}

using var moto = new MotoServer();
using var backend = await MotoBackend.CreateAsync(moto.Endpoint);
var harness = new ColdStartHarness(backend);
Console.WriteLine($"moto at {moto.Endpoint}; {options.Runs} counted runs per build after one warm-up each, builds interleaved");

// The warm-up run fills the page cache with the binaries and moto with its lazily created regions.
foreach (var (build, path) in builds)
{
    ColdStartReport.WriteRun(Console.Out, await harness.RunAsync(build, path), warmUp: true);
}

var runs = new List<ColdStartRun>();
for (var i = 0; i < options.Runs; i++)
{
    foreach (var (build, path) in builds)
    {
        var run = await harness.RunAsync(build, path);
        ColdStartReport.WriteRun(Console.Out, run, warmUp: false);
        runs.Add(run);
    }
}

Console.WriteLine();
ColdStartReport.Write(Console.Out, runs);
return 0;
