using System.Net;
using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// The RFC 3768 / RFC 5798 state machine of one VRRP instance, with keepalived's choices where the RFCs leave room.
/// Deterministic and free of I/O, timers and threads: every call takes the current time in milliseconds (any monotonic
/// clock) and returns the actions to perform; the driver sleeps until <see cref="NextDeadline"/> and calls
/// <see cref="OnTimers"/>. Not thread-safe: drive it from one thread.
/// </summary>
internal sealed partial class VrrpRouter
{
    private readonly List<VrrpAction> _actions = [];
    private bool _ownFault;
    private string _ownFaultReason = "";
    private string _takeoverReason = MasterDownReason;

    private const string MasterDownReason = "master down timer expired";

    /// <summary>Creates a router in <see cref="VrrpState.Init"/>.</summary>
    public VrrpRouter(VrrpRouterSettings settings)
    {
        Settings = settings;
        EffectivePriority = settings.Priority;
        MasterAdverIntervalMs = settings.AdvertisementIntervalMs;
    }

    /// <summary>The instance settings.</summary>
    public VrrpRouterSettings Settings { get; }

    /// <summary>The instance name.</summary>
    public string Name => Settings.Name;

    /// <summary>Current state.</summary>
    public VrrpState State { get; private set; } = VrrpState.Init;

    /// <summary>The priority advertised: configured priority adjusted by tracking (255 for the owner).</summary>
    public byte EffectivePriority { get; private set; }

    /// <summary>Master_Adver_Interval: ours, or in v3 the one learned from the master's adverts.</summary>
    public long MasterAdverIntervalMs { get; private set; }

    /// <summary>When MASTER: the time of the next advertisement.</summary>
    public long? AdvertisementDeadline { get; private set; }

    /// <summary>When BACKUP: the time the master is declared down.</summary>
    public long? MasterDownDeadline { get; private set; }

    /// <summary>When BACKUP with preempt_delay: lower-priority masters are tolerated until this time.</summary>
    public long? PreemptDeadline { get; private set; }

    /// <summary>The source of the last accepted advertisement from the current master, when BACKUP.</summary>
    public IPAddress? MasterAddress { get; private set; }

    /// <summary>True while BACKUP because a sync group held back a wish to become MASTER.</summary>
    public bool WantsMaster { get; private set; }

    /// <summary>True while the instance's own tracking reports a fault (a sync group may fault it without this).</summary>
    public bool HasOwnFault => _ownFault;

    /// <summary>Set by a sync group coordinator.</summary>
    public ISyncGate? Gate { get; set; }

    /// <summary>The earliest deadline that needs <see cref="OnTimers"/>, or null when nothing is pending.</summary>
    public long? NextDeadline => State switch
    {
        VrrpState.Master => AdvertisementDeadline,
        VrrpState.Backup => MasterDownDeadline,
        _ => null,
    };

    /// <summary>Skew_Time for the current effective priority and Master_Adver_Interval.</summary>
    public long SkewMs => VrrpTiming.SkewMs(Settings.Version, EffectivePriority, MasterAdverIntervalMs);

    /// <summary>Master_Down_Interval for the current effective priority and Master_Adver_Interval.</summary>
    public long MasterDownIntervalMs => VrrpTiming.MasterDownMs(Settings.Version, EffectivePriority, MasterAdverIntervalMs);

    /// <summary>
    /// Leaves INIT (RFC 3768 §6.4.1). The address owner becomes MASTER at once. <c>state MASTER</c> without being owner
    /// starts as BACKUP with a shortened down timer (Master_Adver_Interval + Skew_Time, as keepalived does), so it takes
    /// over after one interval unless it hears a better master; <c>state BACKUP</c> waits the full Master_Down_Interval.
    /// </summary>
    public IReadOnlyList<VrrpAction> Start(long now)
    {
        _actions.Clear();
        if (State != VrrpState.Init)
        {
            return [];
        }

        if (_ownFault)
        {
            EnterFault(now, _ownFaultReason);
        }
        else if (Settings.IsOwner && MayBecomeMaster())
        {
            BecomeMaster(now, "address owner (priority 255)");
        }
        else
        {
            EnterBackup(now, "startup", Settings.InitialStateMaster
                ? MasterAdverIntervalMs + SkewMs
                : MasterDownIntervalMs);
            PreemptDeadline = Settings.PreemptDelayMs > 0 ? now + Settings.PreemptDelayMs : null;
        }

        return Flush();
    }

    /// <summary>Stops the instance: a MASTER sends priority 0 (RFC 3768 §6.4.3) and releases its addresses.</summary>
    public IReadOnlyList<VrrpAction> Shutdown(long now)
    {
        _actions.Clear();
        if (State == VrrpState.Stop)
        {
            return [];
        }

        LeaveMaster(sendPriorityZero: true);
        Transition(VrrpState.Stop, "shutdown");
        ClearDeadlines();
        return Flush();
    }

    /// <summary>
    /// Handles an advertisement already accepted by <see cref="VrrpCodec.Decode"/> for this VRID. <paramref name="source"/>
    /// is the sender's IP source address.
    /// </summary>
    public IReadOnlyList<VrrpAction> OnAdvertisement(VrrpPacket packet, IPAddress source, long now)
    {
        _actions.Clear();
        if (State == VrrpState.Backup)
        {
            BackupReceive(packet, source, now);
        }
        else if (State == VrrpState.Master)
        {
            MasterReceive(packet, source, now);
        }

        return Flush();
    }

    /// <summary>Processes every deadline at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<VrrpAction> OnTimers(long now)
    {
        _actions.Clear();
        if (State == VrrpState.Master && AdvertisementDeadline <= now)
        {
            Advertise(EffectivePriority);
            var next = AdvertisementDeadline.Value + Settings.AdvertisementIntervalMs;
            AdvertisementDeadline = next > now ? next : now + Settings.AdvertisementIntervalMs;
        }
        else if (State == VrrpState.Backup && MasterDownDeadline <= now)
        {
            if (MayBecomeMaster())
            {
                BecomeMaster(now, _takeoverReason);
            }
            else
            {
                WantsMaster = true;
                MasterDownDeadline = now + MasterDownIntervalMs;
            }
        }

        return Flush();
    }

    /// <summary>
    /// Sets the priority computed by tracking (the owner stays 255). A MASTER advertises the change at once so that
    /// a better backup can preempt without waiting for the next interval.
    /// </summary>
    public IReadOnlyList<VrrpAction> SetEffectivePriority(int priority, long now)
    {
        _actions.Clear();
        var clamped = Settings.IsOwner ? VrrpRouterSettings.OwnerPriority : (byte)Math.Clamp(priority, 1, 254);
        if (clamped != EffectivePriority)
        {
            EffectivePriority = clamped;
            if (State == VrrpState.Master)
            {
                Advertise(EffectivePriority);
                AdvertisementDeadline = now + Settings.AdvertisementIntervalMs;
            }
        }

        return Flush();
    }

    /// <summary>
    /// Enters or leaves FAULT on the instance's own tracking. Leaving goes to BACKUP (the owner to MASTER) with a full
    /// Master_Down_Interval, and restarts preempt_delay like keepalived.
    /// </summary>
    public IReadOnlyList<VrrpAction> SetFault(bool fault, string reason, long now)
    {
        _actions.Clear();
        _ownFault = fault;
        _ownFaultReason = reason;
        if (fault && State is VrrpState.Backup or VrrpState.Master)
        {
            EnterFault(now, reason);
        }
        else if (!fault && State == VrrpState.Fault && !(Gate?.MustStayFaulted(this) ?? false))
        {
            LeaveFault(now, reason);
        }

        return Flush();
    }
}
