using System.Net.Sockets;
using System.Text;

namespace OpsBot.Cli.Tests;

/// <summary>A fact that runs only where a Docker engine answers (for LocalStack); elsewhere it is skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (ProbeDocker() is { } problem)
        {
            Skip = $"no Docker engine answers ({problem}); the LocalStack run needs Docker, the same flow runs on moto_server in the other integration tests";
        }
    }

    private static string? ProbeDocker()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is { } h && h.StartsWith("unix://", StringComparison.Ordinal) ? h["unix://".Length..] : "/var/run/docker.sock";
        if (host is { } tcp && !tcp.StartsWith("unix://", StringComparison.Ordinal))
        {
            return null; // A remote engine: let Testcontainers try it.
        }

        if (!File.Exists(socketPath))
        {
            return $"{socketPath} does not exist";
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 2000, SendTimeout = 2000 };
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
            var buffer = new byte[256];
            var read = socket.Receive(buffer);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.Contains("200", StringComparison.Ordinal) ? null : $"{socketPath} answered: {reply.Split('\n')[0].Trim()}";
        }
        catch (SocketException ex)
        {
            return $"{socketPath}: {ex.Message}";
        }
    }
}
