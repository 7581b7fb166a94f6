using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpsBot.Infra.Tests;

/// <summary>A moto server on a free loopback port, started for a test class and stopped after it.</summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process? _process;

    public MotoServer()
    {
        if (Tools.Find("moto_server") is not { } path)
        {
            return;
        }

        Port = FreePort();
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Environment for an AWS client talking to this server only, with dummy credentials (null removes a variable).</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment(string region) => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_REGION"] = region,
        ["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "opsbot-infra-tests-no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "opsbot-infra-tests-no-aws-credentials"),
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_PAGER"] = "",
    };

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode} before listening on port {Port}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }

        throw new TimeoutException($"moto_server did not listen on port {Port} within 30 s");
    }
}
