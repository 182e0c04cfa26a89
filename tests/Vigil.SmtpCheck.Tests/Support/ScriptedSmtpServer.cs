using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.SmtpCheck.Tests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that plays <paramref name="script"/> with each client: the misbehaving SMTP servers the
/// checker must name (one that closes at once, answers 554, hangs after its banner). Disposing it stops it and every
/// connection.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Func<Session, CancellationToken, Task> _script;
    private int _connections;

    public ScriptedSmtpServer(Func<Session, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many clients connected.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A well-behaved server: 220, 250 to HELO, 221 to QUIT; records what the client said.</summary>
    public static ScriptedSmtpServer Polite(List<string> heard) => new(async (s, ct) =>
    {
        await s.SendAsync("220 test.example ESMTP ready\r\n", ct);
        var helo = await s.ReadLineAsync(ct);
        lock (heard)
        {
            heard.Add(helo ?? "");
        }

        await s.SendAsync("250 test.example\r\n", ct);
        var quit = await s.ReadLineAsync(ct);
        lock (heard)
        {
            heard.Add(quit ?? "");
        }

        await s.SendAsync("221 bye\r\n", ct);
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                sessions.Add(RunAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(sessions);
    }

    private async Task RunAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await _script(new Session(client.GetStream()), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // The client went away or the server stopped.
            }
        }
    }

    /// <summary>One client's connection.</summary>
    public sealed class Session(NetworkStream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII);

        public Task SendAsync(string text, CancellationToken ct) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();

        public Task<string?> ReadLineAsync(CancellationToken ct) => _reader.ReadLineAsync(ct).AsTask();

        /// <summary>Waits until the server stops, saying nothing.</summary>
        public Task HangAsync(CancellationToken ct) => Task.Delay(Timeout.Infinite, ct);
    }
}
