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
        var packet = new VrrpPacket(
            settings.Version,
            settings.VirtualRouterId,
            send.Priority,
            send.AdvertisementInterval,
            settings.VirtualAddresses,
            authType,
            authType == VrrpAuthType.Pass ? auth!.Key : null);
        IReadOnlyList<IPAddress> destinations = instance.IsUnicast ? instance.Options.UnicastPeers : [instance.Socket.Group];
        var source = instance.Link.SourceAddress;
        foreach (var destination in destinations)
        {
            var message = VrrpCodec.Encode(packet, source, destination);
            if (authType == VrrpAuthType.Ah)
            {
                instance.Socket.SendRawIpv4(IpsecAh.BuildDatagram(
                    message, source, destination, auth!.Key, instance.NextAhSequence(), instance.NextIpId(), instance.IsUnicast));
            }
            else
            {
                instance.Socket.Send(message, destination);
            }
        }

        return destinations.Count;
    }
}
