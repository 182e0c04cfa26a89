using System.Net;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Builds and sends one instance's advertisements: v2 or v3, no auth, PASS or AH, to the group or each unicast peer.</summary>
internal static class AdvertTransmitter
{
    /// <summary>Sends <paramref name="send"/> for <paramref name="instance"/>; returns the number of packets sent.</summary>
    public static int Send(InstanceContext instance, SendAdvertisement send)
    {
        var settings = instance.Router.Settings;
        var auth = instance.Options.Authentication;
        var authType = settings.Version == VrrpVersion.V2 ? auth?.Type ?? VrrpAuthType.None : VrrpAuthType.None;
        var destinations = instance.Destinations;
        var source = instance.Link.SourceAddress;
        if (authType != VrrpAuthType.Ah)
        {
            if (!instance.Adverts.TryGet(send.Priority, send.AdvertisementInterval, out var messages))
            {
                var packet = Packet(instance, send, authType);
                messages = [.. destinations.Select(destination => VrrpCodec.Encode(packet, source, destination))];
                instance.Adverts.Store(send.Priority, send.AdvertisementInterval, messages);
            }

            for (var i = 0; i < messages.Length; i++)
            {
                instance.Socket.Send(messages[i], destinations[i]);
            }

            return messages.Length;
        }

        // AH carries a fresh sequence number in every datagram: nothing to reuse.
        var ahPacket = Packet(instance, send, authType);
        foreach (var destination in destinations)
        {
            instance.Socket.SendRawIpv4(IpsecAh.BuildDatagram(
                VrrpCodec.Encode(ahPacket, source, destination), source, destination, auth!.Key, instance.NextAhSequence(),
                instance.NextIpId(), instance.IsUnicast));
        }

        return destinations.Count;
    }

    private static VrrpPacket Packet(InstanceContext instance, SendAdvertisement send, VrrpAuthType authType)
    {
        var settings = instance.Router.Settings;
        return new VrrpPacket(
            settings.Version,
            settings.VirtualRouterId,
            send.Priority,
            send.AdvertisementInterval,
            settings.VirtualAddresses,
            authType,
            authType == VrrpAuthType.Pass ? instance.Options.Authentication!.Key : null);
    }
}
