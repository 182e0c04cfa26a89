using System.Collections.Concurrent;
using Vigil.Linux;
using Vigil.Linux.Threading;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// Drives the routers of one <c>vrrp_sync_group</c> or one standalone instance on a dedicated thread: it waits in one
/// ppoll for "a packet on any of its sockets, posted input, or the next deadline" (nanosecond timeout, no polling),
/// feeds packets and tracking changes to the routers, runs their timers, and performs the actions they return.
/// Everything that touches a router happens on that thread, and packets are read on it: no thread hop between the
/// socket and the state machine.
/// </summary>
internal sealed partial class GroupRunner : IDisposable
{
    private readonly ConcurrentQueue<EngineInput> _inbox = new();
    private readonly InstanceContext[] _instances;
    private readonly ReadinessWaiter _waiter = new();
    private readonly nint[] _handles;
    private readonly bool[] _ready;
    private readonly Dictionary<VrrpRouter, InstanceContext> _byRouter;
    private readonly GarpScheduler _garp = new();
    private readonly EngineServices _services;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private Thread? _thread;
    private volatile bool _finished;
    private bool _stopped;

    public GroupRunner(string name, IReadOnlyList<InstanceContext> instances, string? syncGroup, EngineServices services)
    {
        Name = name;
        _instances = [.. instances];
        _services = services;
        _logger = services.Logger;
        _byRouter = instances.ToDictionary(i => i.Router);
        _handles = [.. instances.Select(i => i.Socket.ReceiveHandle)];
        _ready = new bool[instances.Count];
        Group = syncGroup is null ? null : new VrrpSyncGroup(syncGroup, instances.Select(i => i.Router));
    }

    /// <summary>The sync group's or the instance's name.</summary>
    public string Name { get; }

    /// <summary>The instances this runner owns.</summary>
    public IReadOnlyList<InstanceContext> Instances => _instances;

    /// <summary>The sync group coordinator, or null for a standalone instance.</summary>
    public VrrpSyncGroup? Group { get; }

    /// <summary>True once the runner processed its shutdown.</summary>
    public bool Stopped => _stopped;

    /// <summary>Queues input for the runner thread and wakes it; never blocks.</summary>
    public void Post(EngineInput input)
    {
        // Once the runner has finished, late tracking updates have nobody to go to.
        if (!_finished)
        {
            _inbox.Enqueue(input);
            _waiter.Wake();
        }
    }

    /// <summary>Applies the initial tracking results and leaves INIT. Call on the runner thread (or in tests, directly).</summary>
    public void StartRouters()
    {
        var now = Now;
        foreach (var instance in Instances)
        {
            ApplyTracking(instance, "startup", now);
        }

        foreach (var instance in Instances)
        {
            Apply(instance, instance.Router.Start(now), now);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="maxWait"/> (less when a deadline is nearer) for a packet or posted input, handles what
    /// arrived, and runs due timers. Returns false once the runner has shut down.
    /// </summary>
    public bool RunOnce(TimeSpan maxWait)
    {
        if (_stopped)
        {
            return false;
        }

        var timeoutNs = _inbox.IsEmpty ? TimeoutNs(maxWait) : 0;
        _waiter.Wait(_handles, _ready, timeoutNs);
        DrainInbox();
        for (var i = 0; i < _instances.Length && !_stopped; i++)
        {
            if (_ready[i] || _handles[i] < 0)
            {
                ReceiveAll(_instances[i]);
            }
        }

        DrainInbox();
        if (!_stopped)
        {
            RunTimers(Now);
        }

        return !_stopped;
    }

    private long Now => _services.Time.NowMs();

    /// <summary>
    /// Nanoseconds until the next deadline (at most <paramref name="maxWait"/>), from the clock's full resolution, so a
    /// timer fires within the kernel's timer slack of its millisecond rather than up to a millisecond late.
    /// </summary>
    private long TimeoutNs(TimeSpan maxWait)
    {
        var wait = maxWait < TimeSpan.Zero ? long.MaxValue : (long)maxWait.TotalNanoseconds;
        if (NextDeadline is { } next)
        {
            var now = _services.Time.GetTimestamp() * (1e9 / _services.Time.TimestampFrequency);
            wait = Math.Min(wait, (long)Math.Ceiling(Math.Max(0, next * 1e6 - now)));
        }

        return wait == long.MaxValue ? -1 : wait;
    }

    private void DrainInbox()
    {
        // Runs on every wake-up and the inbox is almost always empty: one read, no dequeue attempt.
        if (_inbox.IsEmpty)
        {
            return;
        }

        while (!_stopped && _inbox.TryDequeue(out var input))
        {
            Handle(input);
        }
    }

    /// <summary>Reads every packet waiting on <paramref name="instance"/>'s socket (the socket does not block).</summary>
    private void ReceiveAll(InstanceContext instance)
    {
        try
        {
            while (!_stopped && instance.Socket.TryReceive(TimeSpan.Zero, out var datagram) && datagram is not null)
            {
                OnDatagram(instance, datagram, Now);
            }
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OsException)
        {
            LogReceiveFailed(instance.Name, e.Message);
        }
    }

    private long? NextDeadline
    {
        get
        {
            long? next = _garp.NextDeadline;
            foreach (var instance in _instances)
            {
                if (instance.Router.NextDeadline is { } d && (next is null || d < next))
                {
                    next = d;
                }
            }

            return next;
        }
    }

    private void Handle(EngineInput input)
    {
        var now = Now;
        switch (input)
        {
            case ReceivedInput received:
                OnDatagram(received.Instance, received.Datagram, now);
                break;
            case TrackInput track:
                foreach (var instance in Instances.Where(i => i.Tracking.Apply(track.Update)))
                {
                    LogTrackChanged(instance.Name, track.Update.ToString());
                    ApplyTracking(instance, track.Update.ToString(), now);
                }

                break;
            case ShutdownInput:
                foreach (var instance in Instances)
                {
                    Apply(instance, instance.Router.Shutdown(now), now);
                }

                _stopped = true;
                break;
        }
    }

    private void RunTimers(long now)
    {
        foreach (var instance in _instances)
        {
            if (instance.Router.NextDeadline <= now)
            {
                Apply(instance, instance.Router.OnTimers(now), now);
            }
        }

        var due = _garp.Due(now);
        for (var i = 0; i < due.Count; i++)
        {
            Announce(due[i].Instance, due[i].Count);
        }
    }

    private void ApplyTracking(InstanceContext instance, string cause, long now)
    {
        var result = instance.Tracking.Evaluate(instance.Options.Priority);
        Apply(instance, instance.Router.SetEffectivePriority(result.EffectivePriority, now), now);
        if (result.Fault != instance.Router.HasOwnFault)
        {
            Apply(instance, instance.Router.SetFault(result.Fault, result.Fault ? result.Reason : cause, now), now);
        }

        instance.EffectivePriority = instance.Router.EffectivePriority;
    }
}
