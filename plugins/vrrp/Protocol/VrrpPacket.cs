using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>One VRRP advertisement, version 2 or 3, as carried on the wire.</summary>
/// <param name="Version">2 or 3.</param>
/// <param name="VirtualRouterId">VRID, 1-255.</param>
/// <param name="Priority">0 (stopping), 1-254, or 255 (address owner).</param>
/// <param name="AdvertisementInterval">Seconds in v2 (8 bits), centiseconds in v3 (12 bits).</param>
/// <param name="Addresses">The virtual addresses, all IPv4 or all IPv6 (IPv6 only in v3).</param>
/// <param name="AuthType">v2 only; <see cref="VrrpAuthType.None"/> in v3.</param>
/// <param name="AuthData">v2: the 8 authentication bytes (the PASS password, zero padded); empty in v3.</param>
/// <param name="Checksum">As received, or as computed by the encoder; 0 on a packet built for encoding.</param>
internal sealed record VrrpPacket(
    VrrpVersion Version,
    byte VirtualRouterId,
    byte Priority,
    ushort AdvertisementInterval,
    IReadOnlyList<IPAddress> Addresses,
    VrrpAuthType AuthType = VrrpAuthType.None,
    byte[]? AuthData = null,
    ushort Checksum = 0)
{
    /// <summary>The only VRRP packet type (RFC 3768 §5.3.2).</summary>
    public const byte AdvertisementType = 1;

    /// <summary>The packet type; always <see cref="AdvertisementType"/> for a decoded packet.</summary>
    public byte Type => AdvertisementType;

    /// <summary>The address count field.</summary>
    public int AddressCount => Addresses.Count;

    /// <summary>The 8 authentication bytes for v2 (zeros when none were given), empty for v3.</summary>
    public ReadOnlySpan<byte> AuthBytes => Version == VrrpVersion.V2 ? (AuthData ?? new byte[VrrpCodec.AuthDataLength]) : [];

    /// <inheritdoc />
    public bool Equals(VrrpPacket? other) =>
        other is not null
        && Version == other.Version
        && VirtualRouterId == other.VirtualRouterId
        && Priority == other.Priority
        && AdvertisementInterval == other.AdvertisementInterval
        && AuthType == other.AuthType
        && Checksum == other.Checksum
        && Addresses.SequenceEqual(other.Addresses)
        && AuthBytes.SequenceEqual(other.AuthBytes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, VirtualRouterId, Priority, AdvertisementInterval, Addresses.Count, Checksum);

    /// <summary>A short form for logs: <c>v2 vrid 14 prio 100 int 1 [10.1.0.91]</c>.</summary>
    public override string ToString() =>
        $"v{(int)Version} vrid {VirtualRouterId} prio {Priority} int {AdvertisementInterval} [{string.Join(", ", Addresses)}]";
}
