using System.Net;
using System.Net.Sockets;
using Vigil.Testing.Processes;

namespace Vigil.SmtpCheck.Tests.Support;

/// <summary>
/// Debian's OpenSMTPD, started by the test on an address of 127.0.0.0/8 unique to the run, in a mount namespace of its
/// own: smtpd allows one instance per control socket (/run/smtpd.sock) and wants its own queue, so /run and /var/spool
/// are private to it and vanish with it. Disposing kills its process group.
/// </summary>
internal sealed class OpenSmtpd : IAsyncDisposable
{
    private readonly BackgroundProcess _process;
    private readonly string _directory;

    private OpenSmtpd(BackgroundProcess process, string directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    /// <summary>Where it listens.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Everything it logged (it runs in the foreground with -d).</summary>
    public string Output => _process.Output;

    public static async Task<OpenSmtpd> StartAsync()
    {
        var address = new IPAddress([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(2, 255)]);
        var endpoint = new IPEndPoint(address, Random.Shared.Next(20000, 60000));
        var directory = Directory.CreateTempSubdirectory("vigil-smtpd-").FullName;
        var config = Path.Combine(directory, "smtpd.conf");

        // Mail is refused after the dialogue the checker holds; nothing is ever queued.
        await File.WriteAllTextAsync(config, $"""
            listen on {address} port {endpoint.Port}
            action "refuse" mda "/bin/false"
            match from any for any action "refuse"
            """ + "\n");
        var script = "mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /var/spool && mkdir -m 711 /var/spool/smtpd && exec smtpd -d -f \"$0\"";
        var process = BackgroundProcess.Start("unshare", ["--mount", "--propagation", "private", "sh", "-c", script, config]);
        var server = new OpenSmtpd(process, directory, endpoint);
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(20));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(Endpoint);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"smtpd did not listen on {Endpoint} within {timeout}; output:\n{_process.Output}");
    }
}
