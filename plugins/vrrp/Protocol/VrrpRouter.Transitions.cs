using System.Net;
using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Vrrp.Protocol;

internal sealed partial class VrrpRouter
{
    /// <summary>Sync group: forces this member to MASTER because a peer became MASTER.</summary>
    public IReadOnlyList<VrrpAction> ForceMaster(long now, string reason)
    {
        _actions.Clear();
        if (State == VrrpState.Backup)
        {
            BecomeMaster(now, reason);
        }

        return Flush();
    }

    /// <summary>Sync group: forces this member to BACKUP because a peer went BACKUP.</summary>
    public IReadOnlyList<VrrpAction> ForceBackup(long now, string reason)
    {
        _actions.Clear();
        if (State == VrrpState.Master)
        {
            LeaveMaster(sendPriorityZero: false);
            EnterBackup(now, reason, MasterDownIntervalMs);
        }
        else if (State == VrrpState.Backup)
        {
            WantsMaster = false;
        }

        return Flush();
    }

    /// <summary>Sync group: forces this member to FAULT because a peer is faulty.</summary>
    public IReadOnlyList<VrrpAction> ForceFault(long now, string reason)
    {
        _actions.Clear();
        if (State is VrrpState.Backup or VrrpState.Master)
        {
            EnterFault(now, reason);
        }

        return Flush();
    }

    /// <summary>Sync group: releases a member held in FAULT once no peer is faulty any more.</summary>
    public IReadOnlyList<VrrpAction> ReleaseFault(long now, string reason)
    {
        _actions.Clear();
        if (State == VrrpState.Fault && !_ownFault)
        {
            LeaveFault(now, reason);
        }

        return Flush();
    }

    private void BackupReceive(VrrpPacket packet, IPAddress source, long now)
    {
        if (packet.Priority == 0)
        {
            // RFC 3768 §6.4.2: the master is stopping; take over after Skew_Time only.
            MasterDownDeadline = now + SkewMs;
            _takeoverReason = $"priority 0 advertisement from {source}";
            return;
        }

        var lower = packet.Priority < EffectivePriority;
        var delaying = Settings.PreemptDelayMs > 0 && (PreemptDeadline is null || PreemptDeadline > now);
        if (!Settings.Preempt || !lower || delaying)
        {
            if (Settings.Version == VrrpVersion.V3)
            {
                MasterAdverIntervalMs = VrrpTiming.IntervalFieldToMs(VrrpVersion.V3, packet.AdvertisementInterval);
            }

            MasterDownDeadline = now + MasterDownIntervalMs;
            MasterAddress = source;
            WantsMaster = false;
            _takeoverReason = MasterDownReason;
            if (Settings.PreemptDelayMs > 0)
            {
                PreemptDeadline = !lower ? null : PreemptDeadline ?? now + Settings.PreemptDelayMs;
            }

            return;
        }

        // Preempting a lower-priority master: ignore its adverts and let the down timer run out.
        _takeoverReason = $"preempting lower priority {packet.Priority} master {source}";
    }

    private void MasterReceive(VrrpPacket packet, IPAddress source, long now)
    {
        if (packet.Priority == 0)
        {
            Advertise(EffectivePriority);
            AdvertisementDeadline = now + Settings.AdvertisementIntervalMs;
            return;
        }

        var comparison = packet.Priority.CompareTo(EffectivePriority);
        var higherAddress = CompareAddresses(source, Settings.PrimaryAddress) > 0;
        if (comparison > 0 || (comparison == 0 && higherAddress))
        {
            if (Settings.Version == VrrpVersion.V3)
            {
                MasterAdverIntervalMs = VrrpTiming.IntervalFieldToMs(VrrpVersion.V3, packet.AdvertisementInterval);
            }

            var reason = comparison > 0
                ? $"higher priority {packet.Priority} advertisement from {source}"
                : $"equal priority {packet.Priority} advertisement from higher address {source}";
            if (Settings.HigherPrioritySendAdvert)
            {
                Advertise(EffectivePriority);
            }

            LeaveMaster(sendPriorityZero: false);
            EnterBackup(now, reason, MasterDownIntervalMs);
            MasterAddress = source;
            return;
        }

        // keepalived answers a lower-priority master at once so it steps down without waiting an interval, and
        // re-announces the addresses, which that master's gratuitous ARPs may have taken over.
        if (!source.Equals(Settings.PrimaryAddress))
        {
            Advertise(EffectivePriority);
            _actions.Add(new RefreshNeighbours());
        }
    }

    private void BecomeMaster(long now, string reason)
    {
        var old = State;
        MasterAdverIntervalMs = Settings.AdvertisementIntervalMs;
        ClearDeadlines();
        WantsMaster = false;
        MasterAddress = null;
        _takeoverReason = MasterDownReason;
        State = VrrpState.Master;
        Advertise(EffectivePriority);
        _actions.Add(new AcquireAddresses(Settings.VirtualAddresses));
        _actions.Add(new StateChange(old, VrrpState.Master, reason));
        AdvertisementDeadline = now + Settings.AdvertisementIntervalMs;
    }

    private void EnterBackup(long now, string reason, long downInterval)
    {
        ClearDeadlines();
        WantsMaster = false;
        _takeoverReason = MasterDownReason;
        Transition(VrrpState.Backup, reason);
        MasterDownDeadline = now + downInterval;
    }

    private void EnterFault(long now, string reason)
    {
        _ = now;
        LeaveMaster(sendPriorityZero: true);
        ClearDeadlines();
        WantsMaster = false;
        MasterAddress = null;
        Transition(VrrpState.Fault, reason);
    }

    private void LeaveFault(long now, string reason)
    {
        MasterAdverIntervalMs = Settings.AdvertisementIntervalMs;
        if (Settings.IsOwner && MayBecomeMaster())
        {
            BecomeMaster(now, reason);
            return;
        }

        EnterBackup(now, reason, MasterDownIntervalMs);
        PreemptDeadline = Settings.PreemptDelayMs > 0 ? now + Settings.PreemptDelayMs : null;
    }

    private void LeaveMaster(bool sendPriorityZero)
    {
        if (State != VrrpState.Master)
        {
            return;
        }

        if (sendPriorityZero)
        {
            Advertise(0);
        }

        _actions.Add(new ReleaseAddresses(Settings.VirtualAddresses));
    }

    private void Transition(VrrpState state, string reason)
    {
        var old = State;
        State = state;
        _actions.Add(new StateChange(old, state, reason));
    }

    private void Advertise(byte priority) =>
        _actions.Add(new SendAdvertisement(priority, VrrpTiming.MsToIntervalField(Settings.Version, Settings.AdvertisementIntervalMs)));

    private bool MayBecomeMaster() => Gate?.MayBecomeMaster(this) ?? true;

    private void ClearDeadlines()
    {
        AdvertisementDeadline = null;
        MasterDownDeadline = null;
        PreemptDeadline = null;
    }

    private IReadOnlyList<VrrpAction> Flush()
    {
        var result = _actions.ToArray();
        _actions.Clear();
        return result;
    }

    /// <summary>Compares two addresses as unsigned numbers (IPv4 before IPv6 when families differ).</summary>
    internal static int CompareAddresses(IPAddress left, IPAddress right)
    {
        var a = left.GetAddressBytes();
        var b = right.GetAddressBytes();
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.AsSpan().SequenceCompareTo(b);
    }
}
