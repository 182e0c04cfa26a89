using System.Collections.Concurrent;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// Drives the routers of one <c>vrrp_sync_group</c> or one standalone instance on a dedicated thread: it waits for
/// "input or the next deadline", feeds received packets and tracking changes to the routers, runs their timers, and
/// performs the actions they return. Everything that touches a router happens on that thread.
/// </summary>
internal sealed partial class GroupRunner : IDisposable
{
    private readonly BlockingCollection<EngineInput> _inbox = new();
    private readonly Dictionary<VrrpRouter, InstanceContext> _byRouter;
    private readonly GarpScheduler _garp = new();
    private readonly EngineServices _services;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private readonly List<ReceivePump> _pumps = [];
    private Thread? _thread;
    private bool _stopped;

    public GroupRunner(string name, IReadOnlyList<InstanceContext> instances, string? syncGroup, EngineServices services)
    {
        Name = name;
        Instances = instances;
        _services = services;
        _logger = services.Logger;
        _byRouter = instances.ToDictionary(i => i.Router);
        Group = syncGroup is null ? null : new VrrpSyncGroup(syncGroup, instances.Select(i => i.Router));
    }

    /// <summary>The sync group's or the instance's name.</summary>
    public string Name { get; }

    /// <summary>The instances this runner owns.</summary>
    public IReadOnlyList<InstanceContext> Instances { get; }

    /// <summary>The sync group coordinator, or null for a standalone instance.</summary>
    public VrrpSyncGroup? Group { get; }

    /// <summary>True once the runner processed its shutdown.</summary>
    public bool Stopped => _stopped;

    /// <summary>Queues input for the runner thread; never blocks.</summary>
    public void Post(EngineInput input)
    {
        try
        {
            _inbox.Add(input);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The runner has already finished; late packets and tracking updates have nobody to go to.
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
    /// Waits up to <paramref name="maxWait"/> (less when a deadline is nearer) for input, handles what arrived, and runs
    /// due timers. Returns false once the runner has shut down.
    /// </summary>
    public bool RunOnce(TimeSpan maxWait)
    {
        if (_stopped)
        {
            return false;
        }

        var wait = maxWait;
        if (NextDeadline is { } next)
        {
            var until = TimeSpan.FromMilliseconds(Math.Max(0, next - Now));
            wait = until < wait ? until : wait;
        }

        if (_inbox.TryTake(out var input, wait))
        {
            Handle(input);
            while (!_stopped && _inbox.TryTake(out input))
            {
                Handle(input);
            }
        }

        if (!_stopped)
        {
            RunTimers(Now);
        }

        return !_stopped;
    }

    private long Now => _services.Time.NowMs();

    private long? NextDeadline
    {
        get
        {
            long? next = _garp.NextDeadline;
            foreach (var instance in Instances)
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
        foreach (var instance in Instances)
        {
            if (instance.Router.NextDeadline <= now)
            {
                Apply(instance, instance.Router.OnTimers(now), now);
            }
        }

        foreach (var (instance, count) in _garp.Due(now))
        {
            Announce(instance, count);
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
