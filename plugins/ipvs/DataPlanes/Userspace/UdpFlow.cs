using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One client's UDP flow to one server: a connected upstream socket whose replies go back to the client from the
/// virtual endpoint's socket. Counts as one inactive connection (as IPVS counts UDP) until it idles out.
/// </summary>
internal sealed class UdpFlow : IRelay
{
    private const int MaxDatagram = 64 * 1024;

    private readonly Socket _endpoint;
    private readonly Socket _upstream;
    private readonly IPEndPoint _client;
    private readonly Lease _lease;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private long _lastActivity;

    /// <summary>Creates the flow; <see cref="RunAsync"/> connects it and relays replies.</summary>
    public UdpFlow(Socket endpoint, IPEndPoint client, Lease lease, TimeProvider time)
    {
        _endpoint = endpoint;
        _client = client;
        _lease = lease;
        _time = time;
        _lastActivity = time.GetTimestamp();
        var server = lease.Backend.Server;
        _upstream = new Socket(server.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _upstream.Connect(new IPEndPoint(server.Address, server.Port));
        lease.Backend.Scheduled();
    }

    /// <summary>The server's state.</summary>
    public BackendState Backend => _lease.Backend;

    /// <summary>How long since the last datagram either way.</summary>
    public TimeSpan Idle => _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Forwards one datagram from the client.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram)
    {
        Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
        Backend.CountIn(datagram.Length);
        try
        {
            await _upstream.SendAsync(datagram, SocketFlags.None, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A datagram lost, as on the wire; ICMP errors from the server end nothing either.
        }
    }

    /// <inheritdoc />
    public async Task RunAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int read;
                try
                {
                    read = await _upstream.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // ECONNREFUSED from an ICMP port unreachable: the flow lives on until it idles out.
                    continue;
                }

                Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
                Backend.CountOut(read);
                await _endpoint.SendToAsync(buffer.AsMemory(0, read), SocketFlags.None, _client, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Ended by Abort or the endpoint closing.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Backend.Adjust(0, -1);
            _upstream.Dispose();
            _lease.Dispose();
            _stop.Dispose();
        }
    }

    /// <inheritdoc />
    public void Abort()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }
}
