using System.Net.Sockets;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    private void Apply(InstanceContext instance, IReadOnlyList<VrrpAction> actions, long now)
    {
        if (actions.Count == 0)
        {
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
        foreach (var action in actions)
        {
            switch (action)
            {
                case SendAdvertisement send:
                    SendAdvert(instance, send);
                    break;
                case AcquireAddresses:
                    AddAddresses(instance);
                    Announce(instance, _garp.Start(instance, now));
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

        instance.EffectivePriority = instance.Router.EffectivePriority;
        instance.MasterAddress = instance.Router.State == VrrpState.Master ? instance.Link.SourceAddress : instance.Router.MasterAddress;
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
        catch (Exception e) when (e is Os.OsException or SocketException or ArgumentException or ObjectDisposedException)
        {
            LogSendFailed(instance.Name, e.Message);
        }
    }

    private void Transition(InstanceContext instance, StateChange change)
    {
        instance.State = change.NewState;
        instance.LastTransition = _services.Time.GetUtcNow();
        instance.LastReason = change.Reason;
        instance.ResetAhSequences();
        _services.Metrics.Transition(instance.Name, change.NewState.ToString().ToLowerInvariant());
        LogTransition(instance.Name, change.OldState, change.NewState, change.Reason);
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

    private void AddAddresses(InstanceContext instance)
    {
        foreach (var address in instance.Options.VirtualAddresses)
        {
            Try(instance, $"add {address.Address}", () => _services.Netlink.AddAddress(AddressPlan.Address(address, DeviceIndex(instance, address.Device))));
        }

        foreach (var line in instance.Options.VirtualRoutes)
        {
            if (AddressPlan.Route(line, instance.Link.Index, n => _services.Netlink.GetLink(n)?.Index) is { } route)
            {
                Try(instance, $"add route {line}", () => _services.Netlink.AddRoute(route));
            }
        }

        instance.HoldsAddresses = true;
    }

    private void RemoveAddresses(InstanceContext instance)
    {
        foreach (var line in instance.Options.VirtualRoutes)
        {
            if (AddressPlan.Route(line, instance.Link.Index, n => _services.Netlink.GetLink(n)?.Index) is { } route)
            {
                Try(instance, $"delete route {line}", () => _services.Netlink.DeleteRoute(route));
            }
        }

        foreach (var address in instance.Options.VirtualAddresses)
        {
            Try(instance, $"delete {address.Address}", () => _services.Netlink.DeleteAddress(AddressPlan.Address(address, DeviceIndex(instance, address.Device))));
        }

        instance.HoldsAddresses = false;
    }

    private void Announce(InstanceContext instance, int count)
    {
        for (var i = 0; i < count; i++)
        {
            foreach (var address in instance.Options.VirtualAddresses)
            {
                var index = DeviceIndex(instance, address.Device);
                Try(instance, $"announce {address.Address}", () =>
                {
                    if (address.IsIpv6)
                    {
                        _services.Gratuitous.SendNeighbourAdvert(index, instance.Link.Mac, address.Address);
                    }
                    else
                    {
                        _services.Gratuitous.SendArp(index, instance.Link.Mac, address.Address);
                    }
                });
            }
        }
    }

    private int DeviceIndex(InstanceContext instance, string? device) =>
        device is null || device == instance.Options.Interface && instance.Link.VmacIndex is null
            ? instance.Link.Index
            : _services.Netlink.GetLink(device)?.Index ?? instance.Link.Index;

    private void Try(InstanceContext instance, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is Os.OsException or SocketException or IOException or ObjectDisposedException)
        {
            LogAddressFailed(instance.Name, what, e.Message);
        }
    }
}
