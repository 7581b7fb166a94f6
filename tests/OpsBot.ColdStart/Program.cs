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

// moto's request recorder writes here (it reads the variable at start-up); the warm-up runs are recorded.
var recordingFile = Path.Combine(Path.GetTempPath(), $"opsbot-cold-start-{Guid.NewGuid():N}.jsonl");
Environment.SetEnvironmentVariable("MOTO_RECORDER_FILEPATH", recordingFile);
using var moto = new MotoServer();
var recording = new MotoCallRecording(moto.Endpoint);
using var backend = await MotoBackend.CreateAsync(moto.Endpoint);
var harness = new ColdStartHarness(backend);
Console.WriteLine($"moto at {moto.Endpoint}; {options.Runs} counted runs per build after one warm-up each, builds interleaved");

// The warm-up run fills the page cache with the binaries and moto with its lazily created regions.
foreach (var (build, path) in builds)
{
    var warmUp = await harness.RunAsync(build, path, recording);
    ColdStartReport.WriteRun(Console.Out, warmUp, warmUp: true);
    ColdStartReport.WriteCalls(Console.Out, warmUp);
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
File.Delete(recordingFile);
return 0;
