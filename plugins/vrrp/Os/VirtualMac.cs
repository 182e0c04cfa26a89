namespace Vigil.Plugins.Vrrp.Os;

/// <summary>The VRRP virtual router MAC addresses of RFC 5798 section 7.3.</summary>
internal static class VirtualMac
{
    /// <summary>00:00:5e:00:01:VRID for IPv4, 00:00:5e:00:02:VRID for IPv6.</summary>
    public static byte[] For(byte vrid, bool ipv6) => [0x00, 0x00, 0x5e, 0x00, ipv6 ? (byte)0x02 : (byte)0x01, vrid];
}
