using System.Net.Sockets;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Linux;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    private void Apply(InstanceContext instance, IReadOnlyList<VrrpAction> actions, long now)
    {
        if (actions.Count == 0)
        {
            Refresh(instance);
            return;
        }

        Execute(instance, actions, now);
        if (Group is null)
        {
            return;
        }

        var outcome = Group.Reconcile(instance.Router, actions, now);
        foreach (var (member, forced) in outcome.Forced)
        {
            Execute(_byRouter[member], forced, now);
        }

        if (outcome.GroupTransition is { } change)
        {
            LogGroupTransition(Group.Name, change.OldState, change.NewState, change.Reason);
            _services.Bus.Publish(new VrrpSyncGroupStateChanged(Group.Name, change.OldState, change.NewState, change.Reason)
            {
                Source = "vrrp",
                Timestamp = _services.Time.GetUtcNow(),
            });
        }
    }

    private void Execute(InstanceContext instance, IReadOnlyList<VrrpAction> actions, long now)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            switch (actions[i])
            {
                case SendAdvertisement send:
                    SendAdvert(instance, send);
                    break;
                case AcquireAddresses:
                    AddAddresses(instance);
                    Announce(instance, _garp.Start(instance, now));
                    break;
                case RefreshNeighbours:
                    Announce(instance, GarpScheduler.Repeat(instance));
                    break;
                case ReleaseAddresses:
                    _garp.Cancel(instance);
                    RemoveAddresses(instance);
                    break;
                case StateChange change:
                    Transition(instance, change);
                    break;
            }
        }

        Refresh(instance);
    }

    private void Refresh(InstanceContext instance)
    {
        instance.EffectivePriority = instance.Router.EffectivePriority;
        PublishState(instance);
        instance.MasterAddress = instance.Router.State switch
        {
            VrrpState.Master => instance.Link.SourceAddress,
            VrrpState.Backup => instance.Router.MasterAddress,
            _ => null,
        };
    }

    private void SendAdvert(InstanceContext instance, SendAdvertisement send)
    {
        try
        {
            var sent = AdvertTransmitter.Send(instance, send);
            for (var i = 0; i < sent; i++)
            {
                instance.Counters.CountSent();
                _services.Metrics.Sent(instance.Name);
            }
        }
        catch (Exception e) when (e is OsException or SocketException or ArgumentException or ObjectDisposedException)
        {
            LogSendFailed(instance.Name, e.Message);
        }
    }

    /// <summary>
    /// Keeps the instance's entry in the shared state current. Only a change of state or effective priority writes, so
    /// the advert path allocates nothing.
    /// </summary>
    private void PublishState(InstanceContext instance)
    {
        var priority = instance.Router.EffectivePriority;
        if (instance.SharedState == instance.State && instance.SharedPriority == priority)
        {
            return;
        }

        instance.SharedState = instance.State;
        instance.SharedPriority = priority;
        _services.State.Set(
            StateKeys.VrrpInstance(instance.Name),
            new VrrpInstanceStatus(instance.Name, instance.Options.Interface, instance.Options.VirtualRouterId, instance.State, instance.Options.Priority, priority)
            {
                VirtualAddresses = instance.Options.VirtualAddresses.Select(a => a.Address).ToList(),
            },
            "vrrp");
    }

    private void Transition(InstanceContext instance, StateChange change)
    {
        instance.State = change.NewState;
        instance.LastTransition = _services.Time.GetUtcNow();
        instance.LastReason = change.Reason;
        instance.ResetAhSequences();
        _services.Metrics.Transition(instance.Name, change.NewState.ToString().ToLowerInvariant());
        LogTransition(instance.Name, change.OldState, change.NewState, change.Reason);
        PublishState(instance);
        _services.Bus.Publish(new VrrpStateChanged(
            instance.Name,
            instance.Options.Interface,
            instance.Options.VirtualRouterId,
            change.OldState,
            change.NewState,
            change.Reason,
            instance.Options.Priority,
            instance.Router.EffectivePriority)
        {
            Source = "vrrp",
            Timestamp = instance.LastTransition.Value,
        });
    }

    private void OnDatagram(InstanceContext instance, Os.VrrpDatagram datagram, long now)
    {
        if (datagram.Source.Equals(instance.Link.SourceAddress))
        {
            return;
        }

        var expect = instance.Expectation;
        VrrpDecodeResult result;
        uint sequence = 0;
        if (instance.Socket.Family == AddressFamily.InterNetwork)
        {
            var whole = new byte[datagram.IpHeader.Length + datagram.Payload.Length];
            datagram.IpHeader.Span.CopyTo(whole);
            datagram.Payload.Span.CopyTo(whole.AsSpan(datagram.IpHeader.Length));
            result = Protocol.VrrpDatagram.DecodeIpv4(whole, expect, instance.LastAhSequence(datagram.Source), out sequence);
        }
        else
        {
            result = VrrpCodec.Decode(datagram.Payload.Span, new VrrpReceiveContext(datagram.Source, datagram.Destination, datagram.Ttl), expect);
        }

        if (!result.IsAccepted)
        {
            // Other VRIDs share the interface and the socket; their packets are not ours to count.
            if (result.Reason != VrrpRejectReason.VridMismatch)
            {
                var reason = result.Reason.MetricName();
                instance.Counters.CountRejected(reason);
                _services.Metrics.Rejected(instance.Name, reason);
                LogRejected(instance.Name, datagram.Source, reason);
            }

            return;
        }

        if (sequence != 0)
        {
            instance.AcceptAhSequence(datagram.Source, sequence);
        }

        instance.Counters.CountReceived();
        _services.Metrics.Received(instance.Name);
        Apply(instance, instance.Router.OnAdvertisement(result.Packet!, datagram.Source, now), now);
    }
}
