using System.Net;
using System.Net.Sockets;

namespace Vigil.Checkers.Tests.Support;

/// <summary>
/// A listener on 127.0.0.1 that never accepts, its queue filled: Linux drops further SYNs, so a connection to it neither
/// opens nor is refused, as to a server that has gone silent.
/// </summary>
internal sealed class FullBacklog : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    public FullBacklog()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        for (var i = 0; i < 16; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                client.ConnectAsync(_listener.LocalEndPoint!, timeout.Token).AsTask().GetAwaiter().GetResult();
                _queued.Add(client);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                return;
            }
        }

        throw new InvalidOperationException("the listen queue never filled");
    }

    public int Port { get; }

    public void Dispose()
    {
        _queued.ForEach(s => s.Dispose());
        _listener.Dispose();
    }
}
