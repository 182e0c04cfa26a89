using System.Net;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// <c>persistence_timeout</c>: which server each client (its address under <c>persistence_granularity</c>) was given,
/// as IPVS's persistence templates. A template holds while connections it placed are open and for the timeout after
/// the last one, and is ignored once its server left the service or went to weight 0 (IPVS with
/// <c>expire_quiescent_template</c>), so drained and failed servers take no persistent client either.
/// </summary>
internal sealed class PersistenceTable(TimeSpan timeout, IPAddress? granularity, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<UInt128, Template> _templates = [];
    private readonly long _timeout = (long)(timeout.TotalSeconds * time.TimestampFrequency);
    private long _nextSweep;

    /// <summary>The timeout.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The mask.</summary>
    public IPAddress? Granularity { get; } = granularity;

    /// <summary>The client's key: its address masked by the granularity where the families agree.</summary>
    public UInt128 KeyOf(IPAddress client)
    {
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        if (Granularity is null || Granularity.AddressFamily != address.AddressFamily)
        {
            return Scheduling.SchedulerMath.Key(address);
        }

        Span<byte> bytes = stackalloc byte[16];
        Span<byte> mask = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        Granularity.TryWriteBytes(mask, out _);
        for (var i = 0; i < length; i++)
        {
            bytes[i] &= mask[i];
        }

        return Scheduling.SchedulerMath.Key(new IPAddress(bytes[..length]));
    }

    /// <summary>The server the client's template names while it holds, counting one more connection under it.</summary>
    public RealServerKey? Find(UInt128 key)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            Sweep(now);
            if (_templates.TryGetValue(key, out var template) && (template.Open > 0 || now < template.Expires))
            {
                template.Open++;
                return template.Server;
            }

            return null;
        }
    }

    /// <summary>Records (or replaces) the client's template after a fresh scheduling, with one connection under it.</summary>
    public void Remember(UInt128 key, RealServerKey server)
    {
        lock (_gate)
        {
            _templates[key] = new Template { Server = server, Open = 1, Expires = time.GetTimestamp() + _timeout };
        }
    }

    /// <summary>A connection placed under the client's template ended; the timeout runs from now.</summary>
    public void Release(UInt128 key)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_templates.TryGetValue(key, out var template))
            {
                template.Open = Math.Max(0, template.Open - 1);
                template.Expires = now + _timeout;
            }
        }
    }

    /// <summary>Forgets a template whose server could not take the connection.</summary>
    public void Forget(UInt128 key)
    {
        lock (_gate)
        {
            _templates.Remove(key);
        }
    }

    private void Sweep(long now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + _timeout;
        foreach (var (key, template) in _templates)
        {
            if (template.Open == 0 && now >= template.Expires)
            {
                _templates.Remove(key);
            }
        }
    }

    private sealed class Template
    {
        public required RealServerKey Server { get; init; }

        public int Open { get; set; }

        public long Expires { get; set; }
    }
}
