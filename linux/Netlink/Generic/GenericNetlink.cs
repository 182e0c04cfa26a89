namespace Vigil.Linux.Netlink.Generic;

/// <summary>
/// Generic netlink framing: nlmsghdr, then genlmsghdr (command, version, two reserved bytes), then the family's
/// attributes. Pure code.
/// </summary>
public static class GenericNetlink
{
    /// <summary>sizeof(struct genlmsghdr).</summary>
    public const int HeaderSize = 4;

    /// <summary>
    /// Starts a request to <paramref name="family"/> (its resolved id): the headers are written, attributes follow with
    /// the builder's methods.
    /// </summary>
    public static NetlinkMessageBuilder Request(ushort family, ushort flags, uint sequence, byte command, byte version)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        header[0] = command;
        header[1] = version;
        return new NetlinkMessageBuilder(family, flags, sequence).Append(header);
    }

    /// <summary>The command byte of a reply; 0 when the payload is too short to hold genlmsghdr.</summary>
    public static byte Command(NetlinkMessage message) => message.Payload.Length >= HeaderSize ? message.Payload.Span[0] : (byte)0;

    /// <summary>A reply's attributes by type (last one wins), read after genlmsghdr.</summary>
    public static Dictionary<ushort, ReadOnlyMemory<byte>> Attributes(NetlinkMessage message) =>
        NetlinkParser.Attributes(message.Payload, HeaderSize);
}
