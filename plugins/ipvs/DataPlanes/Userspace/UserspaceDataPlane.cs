using Microsoft.Extensions.Logging;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// Vigil's own TCP and UDP forwarder (<c>data_plane userspace</c>): it listens on every virtual endpoint (binding with
/// IP_FREEBIND, so a VIP not yet on this host is fine), schedules each new connection with the service's IPVS
/// scheduler and proxies it to the real server, which therefore sees the director as the client (NAT only).
/// </summary>
/// <remarks>
/// An apply binds every new endpoint first and changes nothing when one bind fails; then it swaps each service's
/// server set in one write, starts the new endpoints and closes the removed ones. Connections already open, to any
/// server, run on until they end: a removed endpoint or server takes only new connections away.
/// </remarks>
public sealed partial class UserspaceDataPlane : IDataPlane
{
    private readonly TimeProvider _time;
    private readonly ForwarderSettings _settings;
    private readonly ILogger<UserspaceDataPlane> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RelayTracker _relays = new();
    private readonly EpollReactor _reactor;
    private readonly Dictionary<VirtualServerKey, ServiceRuntime> _services = [];
    private readonly Dictionary<VirtualServerKey, IEndpointListener> _endpoints = [];
    private bool _disposed;

    internal UserspaceDataPlane(TimeProvider time, ILoggerFactory loggers, ForwarderSettings settings)
    {
        _time = time;
        _settings = settings;
        _logger = loggers.CreateLogger<UserspaceDataPlane>();
        try
        {
            _reactor = new EpollReactor();
        }
        catch (OsException e)
        {
            throw new DataPlaneException($"the user-space forwarder cannot start: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public string Name => UserspaceDataPlaneProvider.PlaneName;

    /// <summary>How many connections and UDP flows are being relayed now.</summary>
    public int OpenRelays => _relays.Count;

    /// <inheritdoc />
    public string? Unsupported(VirtualServerDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Key.Kind == VirtualServerKind.Fwmark || service.Endpoints.Any(e => e.Kind != VirtualServerKind.Endpoint))
        {
            return "the user-space forwarder listens on addresses and ports (no fwmark services)";
        }

        if (service.Method != ForwardingMethod.Nat || service.RealServers.Any(r => r.Method != ForwardingMethod.Nat))
        {
            return "the user-space forwarder proxies connections (NAT only)";
        }

        if (service.Protocol == TransportProtocol.Sctp)
        {
            return "the user-space forwarder relays TCP and UDP only";
        }

        if (service.Endpoints.Any(e => e.Port == 0))
        {
            return "the user-space forwarder needs a virtual port (no port-less persistence)";
        }

        return null;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var wanted = Endpoints(desired);
            var bound = BindNew(wanted);
            var runtimes = new Dictionary<VirtualServerKey, ServiceRuntime>();
            foreach (var plan in desired)
            {
                if (!_services.TryGetValue(plan.Service.Key, out var runtime))
                {
                    runtime = new ServiceRuntime(_time);
                }

                if (!plan.Equals(runtime.Plan))
                {
                    runtime.Apply(plan);
                }

                runtimes[plan.Service.Key] = runtime;
            }

            _services.Clear();
            foreach (var (key, runtime) in runtimes)
            {
                _services[key] = runtime;
            }

            foreach (var (endpoint, service) in wanted)
            {
                var runtime = runtimes[service];
                if (_endpoints.TryGetValue(endpoint, out var listener))
                {
                    listener.Runtime = runtime;
                    continue;
                }

                listener = Listener(endpoint, bound[endpoint], runtime);
                _endpoints[endpoint] = listener;
                listener.Start();
                LogListening(endpoint.ToString(), service.ToString());
            }

            foreach (var endpoint in _endpoints.Keys.Where(e => !wanted.ContainsKey(e)).ToList())
            {
                await _endpoints[endpoint].DisposeAsync().ConfigureAwait(false);
                _endpoints.Remove(endpoint);
                LogStopped(endpoint.ToString());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _services.Values.SelectMany(s => s.Backends.Select(b => b.Read(s.Key))).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var listener in _endpoints.Values)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }

            _endpoints.Clear();
            _services.Clear();
            await _relays.AbortAllAsync().ConfigureAwait(false);
            _reactor.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private Dictionary<VirtualServerKey, VirtualServerKey> Endpoints(IReadOnlyList<ServicePlan> desired)
    {
        var wanted = new Dictionary<VirtualServerKey, VirtualServerKey>();
        foreach (var plan in desired)
        {
            if (Unsupported(plan.Service) is { } why)
            {
                throw new DataPlaneException($"virtual_server {plan.Service.Key}: {why}");
            }

            foreach (var endpoint in plan.Service.Endpoints)
            {
                var normal = VirtualServerKey.ForEndpoint(endpoint.Address!, endpoint.Port, plan.Service.Protocol);
                if (!wanted.TryAdd(normal, plan.Service.Key))
                {
                    throw new DataPlaneException($"{normal} belongs to both {wanted[normal]} and {plan.Service.Key}");
                }
            }
        }

        return wanted;
    }

    private Dictionary<VirtualServerKey, System.Net.Sockets.Socket> BindNew(Dictionary<VirtualServerKey, VirtualServerKey> wanted)
    {
        var bound = new Dictionary<VirtualServerKey, System.Net.Sockets.Socket>();
        try
        {
            foreach (var endpoint in wanted.Keys.Where(e => !_endpoints.ContainsKey(e)))
            {
                bound[endpoint] = ListenSocket.Open(endpoint);
            }

            return bound;
        }
        catch
        {
            foreach (var socket in bound.Values)
            {
                socket.Dispose();
            }

            throw;
        }
    }

    private IEndpointListener Listener(VirtualServerKey endpoint, System.Net.Sockets.Socket socket, ServiceRuntime runtime) =>
        endpoint.Protocol == TransportProtocol.Tcp
            ? new TcpEndpoint(endpoint, socket, runtime, _relays, _reactor, _settings, _time, _logger)
            : new UdpEndpoint(endpoint, socket, runtime, _relays, _settings, _time, _logger);

    [LoggerMessage(EventId = 9208, Level = LogLevel.Information, Message = "user-space forwarder: listening on {Endpoint} for {Service}")]
    private partial void LogListening(string endpoint, string service);

    [LoggerMessage(EventId = 9209, Level = LogLevel.Information, Message = "user-space forwarder: stopped listening on {Endpoint}")]
    private partial void LogStopped(string endpoint);
}
