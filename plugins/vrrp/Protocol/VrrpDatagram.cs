namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Decodes what a raw IPv4 VRRP socket delivers: IPv4 header, optional AH, VRRP.</summary>
internal static class VrrpDatagram
{
    /// <summary>
    /// Strips the IPv4 header (and checks the AH when the instance uses <c>auth_type AH</c>), then decodes the VRRP message.
    /// <paramref name="lastAhSequence"/> is the last AH sequence accepted from this sender; <paramref name="ahSequence"/>
    /// returns the new one. Never throws.
    /// </summary>
    public static VrrpDecodeResult DecodeIpv4(
        ReadOnlySpan<byte> datagram, VrrpExpectation? expect, uint lastAhSequence, out uint ahSequence)
    {
        ahSequence = lastAhSequence;
        var reason = Ipv4Header.TryParse(datagram, out var header);
        if (reason != VrrpRejectReason.None)
        {
            return VrrpDecodeResult.Reject(reason);
        }

        var wantAh = expect?.AuthType == VrrpAuthType.Ah;
        var isAh = header!.Protocol == Ipv4Header.AhProtocol;
        if (!isAh && header.Protocol != InternetChecksum.VrrpProtocol)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadIpHeader);
        }

        if (expect is not null && isAh != wantAh)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.AuthTypeMismatch);
        }

        var offset = header.HeaderLength;
        if (isAh)
        {
            reason = IpsecAh.Verify(datagram, header, expect?.AuthKey ?? VrrpCodec.AuthKey(null), !(expect?.CheckTtl ?? true), lastAhSequence, out var sequence, out offset);
            if (reason != VrrpRejectReason.None)
            {
                return VrrpDecodeResult.Reject(reason);
            }

            ahSequence = sequence;
        }

        return VrrpCodec.Decode(datagram[offset..header.TotalLength], header.Context, expect);
    }
}
