using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Ipvs.Tests.DataPlanes.Userspace;

/// <summary>A loopback UDP server answering each datagram with "name:" and the datagram.</summary>
internal sealed class UdpNameServer : IAsyncDisposable
{
    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpNameServer(string name)
    {
        Name = name;
        _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
        _loop = ServeAsync();
    }

    public string Name { get; }

    public IPEndPoint Endpoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(_stop.Token);
                var reply = Encoding.ASCII.GetBytes(Name + ":").Concat(received.Buffer).ToArray();
                await _socket.SendAsync(reply, received.RemoteEndPoint, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}
