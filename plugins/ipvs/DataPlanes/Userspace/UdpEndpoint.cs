using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// A UDP virtual endpoint: the first datagram of a client schedules a <see cref="UdpFlow"/> that carries the rest and
/// the replies; with <c>ops</c> every datagram is scheduled on its own (a flow per client and server carries the
/// replies). Flows idle for the UDP timeout end. Stopping the endpoint ends its flows, whose replies leave through it.
/// </summary>
internal sealed partial class UdpEndpoint : IEndpointListener
{
    private const int MaxDatagram = 64 * 1024;

    private readonly Socket _socket;
    private readonly RelayTracker _relays;
    private readonly ForwarderSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(IPEndPoint Client, RealServerKey? Server), UdpFlow> _flows = new();
    private ServiceRuntime _runtime;
    private ITimer? _sweeper;
    private Task? _loop;

    /// <summary>Creates the endpoint over a bound socket.</summary>
    public UdpEndpoint(VirtualServerKey endpoint, Socket socket, ServiceRuntime runtime, RelayTracker relays, ForwarderSettings settings, TimeProvider time, ILogger logger)
    {
        Endpoint = endpoint;
        _socket = socket;
        _runtime = runtime;
        _relays = relays;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public VirtualServerKey Endpoint { get; }

    /// <inheritdoc />
    public ServiceRuntime Runtime
    {
        get => Volatile.Read(ref _runtime);
        set => Volatile.Write(ref _runtime, value);
    }

    /// <inheritdoc />
    public void Start()
    {
        if (_loop is not null)
        {
            return;
        }

        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, _settings.UdpIdleTimeout.Ticks / 10));
        _sweeper = _time.CreateTimer(_ => Sweep(), null, period, period);
        _loop = ReceiveLoopAsync(_stop.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync().ConfigureAwait(false);
        }

        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        foreach (var flow in _flows.Values)
        {
            flow.Abort();
        }

        _stop.Dispose();
    }

    private void Sweep()
    {
        foreach (var (key, flow) in _flows)
        {
            if (flow.Idle >= _settings.UdpIdleTimeout && _flows.TryRemove(key, out _))
            {
                flow.Abort();
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var any = new IPEndPoint(Endpoint.Address!.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        var local = (IPEndPoint)_socket.LocalEndPoint!;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    continue;
                }

                var client = (IPEndPoint)received.RemoteEndPoint;
                var flow = FlowFor(client, local);
                if (flow is not null)
                {
                    await flow.SendAsync(buffer.AsMemory(0, received.ReceivedBytes)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopped.
        }
        catch (SocketException e)
        {
            LogReceiveFailed(_logger, Endpoint.ToString(), e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private UdpFlow? FlowFor(IPEndPoint client, IPEndPoint local)
    {
        var runtime = Runtime;
        var onePacket = runtime.OnePacketScheduling;
        if (!onePacket && _flows.TryGetValue((client, null), out var existing))
        {
            return existing;
        }

        var lease = runtime.Choose(new FlowKey(client.Address, client.Port, local.Address, local.Port));
        if (lease is null)
        {
            LogNoServer(_logger, Endpoint.ToString(), client.ToString());
            return null;
        }

        var key = (client, onePacket ? lease.Backend.Server : null);
        if (_flows.TryGetValue(key, out existing))
        {
            lease.Dispose();
            lease.Backend.Counted();

            return existing;
        }

        var flow = new UdpFlow(_socket, client, lease, _time);
        _flows[key] = flow;
        _relays.Run(new FlowRun(flow, () => _flows.TryRemove(new KeyValuePair<(IPEndPoint, RealServerKey?), UdpFlow>(key, flow))));
        return flow;
    }

    [LoggerMessage(EventId = 9206, Level = LogLevel.Warning, Message = "user-space forwarder: receive on {Endpoint} failed: {Why}")]
    private static partial void LogReceiveFailed(ILogger logger, string endpoint, string why);

    [LoggerMessage(EventId = 9207, Level = LogLevel.Debug, Message = "user-space forwarder: {Endpoint} has no server for {Client}")]
    private static partial void LogNoServer(ILogger logger, string endpoint, string client);

    /// <summary>Runs a flow and forgets it when it ends.</summary>
    private sealed class FlowRun(UdpFlow flow, Action ended) : IRelay
    {
        public async Task RunAsync()
        {
            try
            {
                await flow.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                ended();
            }
        }

        public void Abort() => flow.Abort();
    }
}
