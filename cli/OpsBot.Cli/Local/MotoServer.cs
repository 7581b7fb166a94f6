using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsBot.Cli.Local;

/// <summary>
/// A <c>moto_server</c> process on a free loopback port, started for the demo or a test run and
/// stopped (with its whole process tree) on dispose, so nothing is left running.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>Starts the server and waits until it answers.</summary>
    /// <exception cref="EmulatorUnavailableException">moto_server is not installed or does not come up; says how to fix it.</exception>
    public MotoServer()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new EmulatorUnavailableException("moto_server did not start");
        }
        catch (Win32Exception ex)
        {
            throw new EmulatorUnavailableException($"cannot start moto_server ({ex.Message}): install it with pip install 'moto[server]', or start LocalStack and pass --endpoint-url http://localhost:4566", ex);
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilAnswering();
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The account moto uses for credentials it does not know: the central account.</summary>
    public const string DefaultAccount = "123456789012";

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void WaitUntilAnswering()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new EmulatorUnavailableException($"moto_server exited with code {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var response = http.GetAsync(new Uri(Endpoint, "moto-api/")).GetAwaiter().GetResult();
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(150);
        }

        Dispose();
        throw new EmulatorUnavailableException($"moto_server did not answer on {Endpoint} within {StartTimeout.TotalSeconds} s: {Output()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
