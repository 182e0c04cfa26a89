using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One proxied TCP connection: connects to the chosen server, then relays both directions with splice(2) through a
/// pipe each, waiting for readiness on the plane's <see cref="EpollReactor"/>; where splice is refused it copies through
/// pooled buffers instead. Counts as inactive while connecting and once either side has finished sending (as IPVS
/// counts FIN_WAIT and CLOSE_WAIT), active in between.
/// </summary>
internal sealed partial class TcpRelay : IRelay
{
    private const int Chunk = 64 * 1024;

    private readonly Socket _client;
    private readonly Lease _lease;
    private readonly EpollReactor _reactor;
    private readonly ForwarderSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _upstream;
    private int _aborted;

    /// <summary>Creates the relay for an accepted <paramref name="client"/> and the server <paramref name="lease"/> holds.</summary>
    public TcpRelay(Socket client, Lease lease, EpollReactor reactor, ForwarderSettings settings, TimeProvider time, ILogger logger)
    {
        _client = client;
        _lease = lease;
        _reactor = reactor;
        _settings = settings;
        _time = time;
        _logger = logger;
        _upstream = new Socket(lease.Backend.Server.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
    }

    /// <inheritdoc />
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            Shut(_client, SocketShutdown.Both);
            Shut(_upstream, SocketShutdown.Both);
        }
    }

    /// <inheritdoc />
    public async Task RunAsync()
    {
        var backend = _lease.Backend;
        backend.Scheduled();
        var state = (Active: 0, Inactive: 1);
        try
        {
            if (!await ConnectAsync().ConfigureAwait(false))
            {
                return;
            }

            backend.Adjust(1, -1);
            state = (1, 0);
            _client.NoDelay = true;
            _upstream.NoDelay = true;
            _client.Blocking = false;
            _upstream.Blocking = false;
            using var client = _settings.UseSplice ? _reactor.Register((int)_client.Handle) : null;
            using var upstream = _settings.UseSplice ? _reactor.Register((int)_upstream.Handle) : null;
            var toServer = Pump(_client, client, _upstream, upstream, backend.CountIn);
            var toClient = Pump(_upstream, upstream, _client, client, backend.CountOut);
            var first = await Task.WhenAny(toServer, toClient).ConfigureAwait(false);
            backend.Adjust(-1, 1);
            state = (0, 1);
            if (!await first.ConfigureAwait(false))
            {
                Abort();
            }

            await Task.WhenAll(toServer, toClient).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            LogRelayFailed(_logger, backend.Server.ToString(), e.Message);
        }
        finally
        {
            backend.Adjust(-state.Active, -state.Inactive);
            _client.Dispose();
            _upstream.Dispose();
            _lease.Dispose();
        }
    }

    private static void Shut(Socket socket, SocketShutdown how)
    {
        try
        {
            socket.Shutdown(how);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed or never connected: nothing left to end.
        }
    }

    private static bool Retry(int errno) => errno == Linux.Errno.EINTR;

    private static bool SpliceRefused(int errno) => errno is Linux.Errno.EINVAL or UserspaceNative.ENOSYS or UserspaceNative.EOPNOTSUPP;

    private async Task<bool> ConnectAsync()
    {
        var server = _lease.Backend.Server;
        using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
        try
        {
            await _upstream.ConnectAsync(new IPEndPoint(server.Address, server.Port), timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            LogConnectFailed(_logger, server.ToString(), e is OperationCanceledException ? "timed out" : e.Message);
            _client.LingerState = new LingerOption(true, 0);
            return false;
        }
    }

    /// <summary>Relays one direction until its source ends (true) or fails (false), then ends the sending side.</summary>
    private async Task<bool> Pump(Socket source, EpollReactor.Registration? from, Socket destination, EpollReactor.Registration? to, Action<long> count)
    {
        var clean = from is not null && to is not null
            ? await SpliceAsync(from, to, count).ConfigureAwait(false)
            : null;
        clean ??= await CopyAsync(source, destination, count).ConfigureAwait(false);
        Shut(destination, SocketShutdown.Send);
        return clean.Value;
    }

    /// <summary>splice(2) source → pipe → destination; null when the kernel refuses splice for these sockets.</summary>
    private async Task<bool?> SpliceAsync(EpollReactor.Registration from, EpollReactor.Registration to, Action<long> count)
    {
        if (!UserspaceNative.Pipe(out var pipeRead, out var pipeWrite))
        {
            LogSpliceUnavailable(_logger, $"pipe2: {Linux.Errno.Name(Marshal.GetLastPInvokeError())}");
            return null;
        }

        try
        {
            var first = true;
            while (true)
            {
                from.Readable.Reset();
                var read = UserspaceNative.Splice(from.Fd, pipeWrite, Chunk);
                if (read == 0)
                {
                    return true;
                }

                if (read < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Linux.Errno.EAGAIN)
                    {
                        await from.Readable.WaitAsync().ConfigureAwait(false);
                        continue;
                    }

                    if (Retry(errno))
                    {
                        continue;
                    }

                    if (first && SpliceRefused(errno))
                    {
                        LogSpliceUnavailable(_logger, Linux.Errno.Name(errno));
                        return null;
                    }

                    return false;
                }

                first = false;
                count(read);
                if (!await DrainAsync(pipeRead, to, read).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }
        finally
        {
            UserspaceNative.close(pipeRead);
            UserspaceNative.close(pipeWrite);
        }
    }

    private static async Task<bool> DrainAsync(int pipeRead, EpollReactor.Registration to, nint pending)
    {
        while (pending > 0)
        {
            to.Writable.Reset();
            var written = UserspaceNative.Splice(pipeRead, to.Fd, pending);
            if (written > 0)
            {
                pending -= written;
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Linux.Errno.EAGAIN)
            {
                await to.Writable.WaitAsync().ConfigureAwait(false);
            }
            else if (!Retry(errno))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> CopyAsync(Socket source, Socket destination, Action<long> count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            while (true)
            {
                var read = await source.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    return true;
                }

                count(read);
                var sent = 0;
                while (sent < read)
                {
                    sent += await destination.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Debug, Message = "user-space forwarder: cannot connect to {Server}: {Why}")]
    private static partial void LogConnectFailed(ILogger logger, string server, string why);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Debug, Message = "user-space forwarder: connection to {Server} failed: {Why}")]
    private static partial void LogRelayFailed(ILogger logger, string server, string why);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "user-space forwarder: splice unavailable ({Why}); copying through buffers")]
    private static partial void LogSpliceUnavailable(ILogger logger, string why);
}
