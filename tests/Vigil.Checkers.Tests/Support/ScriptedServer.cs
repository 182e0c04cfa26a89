using System.Net;
using System.Net.Sockets;

namespace Vigil.Checkers.Tests.Support;

/// <summary>
/// A loopback server that runs the test's script on every connection it accepts (answer 500, hang, reset, trickle,
/// stream without end…). Disposing it stops accepting and closes every connection.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Socket, CancellationToken, Task> _script;
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public ScriptedServer(Func<Socket, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A script that reads the request head, then writes <paramref name="answer"/> and closes.</summary>
    public static ScriptedServer Answering(string answer) => new(async (socket, stop) =>
    {
        await ReadRequestAsync(socket, stop);
        await socket.SendAsync(System.Text.Encoding.Latin1.GetBytes(answer), stop);
    });

    /// <summary>Reads until the blank line that ends a request head.</summary>
    public static async Task ReadRequestAsync(Socket socket, CancellationToken stop)
    {
        var seen = new List<byte>();
        var buffer = new byte[1024];
        while (seen.Count < 4 || !seen.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            var read = await socket.ReceiveAsync(buffer, stop);
            if (read == 0)
            {
                return;
            }

            seen.AddRange(buffer[..read]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(RunAsync(socket));
            }
        }
    }

    private async Task RunAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await _script(socket, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // The probe hung up or the test ended: nothing more to serve.
            }
        }
    }
}
