using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Linux.Icmp;

/// <summary>
/// One ICMP socket of one address family shared by every echo of an <see cref="IcmpPinger"/>: one asynchronous receive
/// loop hands each reply to the echo waiting for its source address and sequence number.
/// </summary>
internal sealed class IcmpChannel : IAsyncDisposable
{
    private const int ReceiveBuffer = 128 * 1024;

    private readonly Socket _socket;
    private readonly bool _ipv6;
    private readonly bool _raw;
    private readonly ushort _identifier;
    private readonly ConcurrentDictionary<(IPAddress, ushort), TaskCompletionSource> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private IcmpChannel(Socket socket, bool ipv6, bool raw, ushort identifier)
    {
        _socket = socket;
        _ipv6 = ipv6;
        _raw = raw;
        _identifier = identifier;
        _loop = Task.Run(() => ReceiveAsync(_stop.Token));
    }

    /// <summary>True when the socket is a raw one.</summary>
    public bool IsRaw => _raw;

    /// <summary>Opens the socket for <paramref name="family"/> as <paramref name="mode"/> allows.</summary>
    public static IcmpChannel Open(AddressFamily family, IcmpSocketMode mode)
    {
        var ipv6 = family == AddressFamily.InterNetworkV6;
        var protocol = ipv6 ? ProtocolType.IcmpV6 : ProtocolType.Icmp;
        Socket? socket = null;
        SocketException? refused = null;
        if (mode != IcmpSocketMode.Raw)
        {
            try
            {
                socket = new Socket(family, SocketType.Dgram, protocol);
            }
            catch (SocketException e) when (mode == IcmpSocketMode.Auto)
            {
                // EACCES: the process's group is outside net.ipv4.ping_group_range.
                refused = e;
            }
        }

        var raw = socket is null;
        try
        {
            socket ??= new Socket(family, SocketType.Raw, protocol);
        }
        catch (SocketException e) when (refused is not null)
        {
            throw new SocketException((int)e.SocketErrorCode, $"no ping socket ({refused.Message}) and no raw socket ({e.Message})");
        }

        socket.ReceiveBufferSize = ReceiveBuffer;
        // Bound so receiving may start before the first send; a ping socket takes its identifier from this port.
        socket.Bind(new IPEndPoint(ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        // A ping socket's identifier is its port, which the kernel picks and matches; a raw socket sees every echo reply
        // on the host, so it tells its own by an identifier of its own.
        return new IcmpChannel(socket, ipv6, raw, raw ? (ushort)Random.Shared.Next(1, ushort.MaxValue) : (ushort)0);
    }

    /// <summary>Waits for the reply to a request with <paramref name="sequence"/> to <paramref name="target"/>; the caller then sends it.</summary>
    public Task Expect(IPAddress target, ushort sequence)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[(Key(target), sequence)] = waiter;
        return waiter.Task;
    }

    /// <summary>Stops waiting for that reply.</summary>
    public void Forget(IPAddress target, ushort sequence) => _pending.TryRemove((Key(target), sequence), out _);

    /// <summary>Sends an echo request.</summary>
    public async ValueTask SendAsync(IPAddress target, ushort sequence, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var packet = new byte[IcmpEcho.HeaderLength + payload.Length];
        IcmpEcho.WriteRequest(packet, _ipv6, _identifier, sequence, payload.Span);
        await _socket.SendToAsync(packet, SocketFlags.None, new IPEndPoint(target, 0), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _stop.Dispose();
    }

    // Replies are matched by address alone: an IPv6 reply's scope (its interface) is not part of the target as written.
    private static IPAddress Key(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4()
        : address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes())
        : address;

    private async Task ReceiveAsync(CancellationToken stop)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(_ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // An error queued on the socket belongs to no one echo; the echo it concerns times out.
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (!IcmpEcho.TryRead(buffer.AsSpan(0, received.ReceivedBytes), _raw && !_ipv6, out var message)
                || !message.IsEchoReply(_ipv6)
                || (_raw && message.Identifier != _identifier)
                || received.RemoteEndPoint is not IPEndPoint from)
            {
                continue;
            }

            if (_pending.TryRemove((Key(from.Address), message.Sequence), out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
