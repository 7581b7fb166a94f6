using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpsBot.Benchmarks.Moto;

namespace OpsBot.ColdStart;

/// <summary>
/// Starts a bootstrap process against a fresh local Runtime API holding one SQS-batch invocation whose
/// event names a member-account group with SSH open to the world on moto, and times the process from
/// start to its posted response. Each run gets its own group, so every invocation really reads,
/// revokes, verifies, audits, alerts and announces; the revoke is checked afterwards.
/// </summary>
internal sealed class ColdStartHarness(MotoBackend backend)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private int _runs;

    /// <summary>Runs the native bootstrap (<paramref name="build"/> "AOT") or <c>dotnet bootstrap.dll</c> ("JIT") once.</summary>
    /// <param name="build">"AOT" or "JIT".</param>
    /// <param name="path">The bootstrap or bootstrap.dll.</param>
    /// <param name="recording">When given, the AWS calls the process makes are recorded and returned with the run.</param>
    public async Task<ColdStartRun> RunAsync(string build, string path, MotoCallRecording? recording = null)
    {
        var run = Interlocked.Increment(ref _runs);
        var groupId = await backend.CreateGroupAsync($"cold-start-{run}-{Guid.NewGuid():N}"[..30], (443, "0.0.0.0/0"));
        var sshRule = await backend.AuthorizeAsync(groupId, 22, "0.0.0.0/0");
        var body = MotoBackend.AuthorizeEvent($"cold-start-{Guid.NewGuid()}", groupId, sshRule);
        using var api = new RuntimeApiServer(SqsBatch(body));

        var start = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new ProcessStartInfo("dotnet") { ArgumentList = { path } } : new ProcessStartInfo(path);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetDirectoryName(path)!;
        foreach (var (name, value) in backend.ProcessVariables)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Host;
        start.Environment["_HANDLER"] = "event-handler";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "opsbot-event-handler";
        var output = new System.Text.StringBuilder();
        if (recording is not null)
        {
            await recording.StartAsync();
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var (postedAt, kind, response) = await api.Result.Task.WaitAsync(RunTimeout);
            var rss = PeakRssMiB(process.Id);
            var firstNext = await api.FirstNext.Task.WaitAsync(RunTimeout);
            var calls = recording is null ? null : await recording.StopAsync();
            if (kind != "response" || !response.Contains("\"batchItemFailures\":[]", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{build} run {run} posted {kind}: {response}\n{output}");
            }

            if ((await backend.IngressAsync(groupId)).Contains("22 0.0.0.0/0"))
            {
                throw new InvalidOperationException($"{build} run {run} answered but SSH is still open on {groupId}\n{output}");
            }

            return new ColdStartRun(build, Stopwatch.GetElapsedTime(started, firstNext).TotalMilliseconds, Stopwatch.GetElapsedTime(started, postedAt).TotalMilliseconds, rss, calls);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{build} run {run} posted nothing within {RunTimeout.TotalSeconds} s\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static string SqsBatch(string body)
    {
        var messageId = Guid.NewGuid().ToString();
        return $$"""
            {"Records":[{"messageId":"{{messageId}}","receiptHandle":"AQEB{{messageId}}","body":{{JsonSerializer.Serialize(body)}},
            "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1763633731000","SenderId":"AIDAEXAMPLE","ApproximateFirstReceiveTimestamp":"1763633731010"},
            "messageAttributes":{},"md5OfBody":"","eventSource":"aws:sqs",
            "eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:opsbot-events","awsRegion":"us-east-1"}]}
            """;
    }

    // VmHWM: the peak resident set size of the process so far, in kB.
    private static double? PeakRssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 20_000)
            {
                output.AppendLine(line);
            }
        }
    }
}
