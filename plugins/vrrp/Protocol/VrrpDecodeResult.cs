namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Either a decoded packet or why it was rejected; decoding never throws.</summary>
internal readonly record struct VrrpDecodeResult(VrrpPacket? Packet, VrrpRejectReason Reason)
{
    /// <summary>True when <see cref="Packet"/> is set.</summary>
    public bool IsAccepted => Packet is not null;

    /// <summary>An accepted packet.</summary>
    public static VrrpDecodeResult Accept(VrrpPacket packet) => new(packet, VrrpRejectReason.None);

    /// <summary>A rejection.</summary>
    public static VrrpDecodeResult Reject(VrrpRejectReason reason) => new(null, reason);
}
