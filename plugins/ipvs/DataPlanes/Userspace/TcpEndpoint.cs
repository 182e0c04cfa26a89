using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// A TCP virtual endpoint: accepts connections asynchronously and hands each, with the server its service chose, to a
/// <see cref="TcpRelay"/>. Stopping closes the listening socket only; accepted connections run on.
/// </summary>
internal sealed partial class TcpEndpoint : IEndpointListener
{
    private readonly Socket _listener;
    private readonly RelayTracker _relays;
    private readonly EpollReactor _reactor;
    private readonly ForwarderSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private ServiceRuntime _runtime;
    private Task? _loop;

    /// <summary>Creates the endpoint over a bound, listening socket.</summary>
    public TcpEndpoint(VirtualServerKey endpoint, Socket listener, ServiceRuntime runtime, RelayTracker relays, EpollReactor reactor, ForwarderSettings settings, TimeProvider time, ILogger logger)
    {
        Endpoint = endpoint;
        _listener = listener;
        _runtime = runtime;
        _relays = relays;
        _reactor = reactor;
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
    public void Start() => _loop ??= AcceptLoopAsync(_stop.Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // EMFILE and friends: the listener stays; the next accept may succeed once descriptors free up.
                LogAcceptFailed(_logger, Endpoint.ToString(), e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            Dispatch(client);
        }
    }

    private void Dispatch(Socket client)
    {
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        var local = (IPEndPoint)client.LocalEndPoint!;
        var flow = new FlowKey(remote.Address, remote.Port, local.Address, local.Port);
        var lease = Runtime.Choose(flow);
        if (lease is null)
        {
            LogNoServer(_logger, Endpoint.ToString(), remote.ToString());
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            return;
        }

        _relays.Run(new TcpRelay(client, lease, _reactor, _settings, _time, _logger));
    }

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "user-space forwarder: accept on {Endpoint} failed: {Why}")]
    private static partial void LogAcceptFailed(ILogger logger, string endpoint, string why);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Debug, Message = "user-space forwarder: {Endpoint} has no server for {Client}")]
    private static partial void LogNoServer(ILogger logger, string endpoint, string client);
}
