using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Checkers.Tests.Support;

/// <summary>
/// Many tiny HTTP servers, one listening socket each on its own loopback address (127.42.x.y, any free port), that
/// remember when each request arrived; the first <c>hanging</c> of them read the request and never answer.
/// </summary>
internal sealed class ServerFarm : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _accepting = [];
    private readonly List<Socket> _held = [];
    private readonly List<double>[] _requests;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ServerFarm(int count, int hanging)
    {
        _requests = new List<double>[count];
        Hanging = hanging;
        for (var i = 0; i < count; i++)
        {
            _requests[i] = [];
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listeners.Add(listener);
            listener.Bind(new IPEndPoint(IPAddress.Parse($"127.42.{i / 250}.{(i % 250) + 1}"), 0));
            listener.Listen(64);
            _accepting.Add(AcceptAsync(i, listener));
        }
    }

    /// <summary>How many of the servers, counted from the first, hang.</summary>
    public int Hanging { get; }

    /// <summary>Seconds since the farm started, on the clock <see cref="RequestTimes"/> uses.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Server <paramref name="i"/>'s address and port.</summary>
    public IPEndPoint Endpoint(int i) => (IPEndPoint)_listeners[i].LocalEndPoint!;

    /// <summary>When server <paramref name="i"/> received each request (<see cref="Now"/>'s seconds), in order.</summary>
    public IReadOnlyList<double> RequestTimes(int i)
    {
        lock (_requests[i])
        {
            return [.. _requests[i]];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listeners.ForEach(l => l.Dispose());
        await Task.WhenAll(_accepting);
        lock (_held)
        {
            _held.ForEach(s => s.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(int index, Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(index, client);
        }
    }

    private async Task ServeAsync(int index, Socket client)
    {
        var buffer = new byte[4096];
        var length = 0;
        try
        {
            while (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) < 0 && length < buffer.Length)
            {
                var read = await client.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                if (read == 0)
                {
                    client.Dispose();
                    return;
                }

                length += read;
            }

            lock (_requests[index])
            {
                _requests[index].Add(Now);
            }

            if (index < Hanging)
            {
                lock (_held)
                {
                    _held.Add(client);
                }

                return;
            }

            await client.SendAsync(Answer, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The probe gave up first, or the farm stops: nothing left to serve.
        }

        client.Dispose();
    }
}
