using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpCodecPropertyTests
{
    [Property(MaxTest = 500)]
    public Property DecodeOfEncode_IsIdentity() => Prop.ForAll(Arbitrary(), c =>
    {
        var bytes = VrrpCodec.Encode(c.Packet, c.Context.Source, c.Context.Destination);
        var decoded = VrrpCodec.Decode(bytes, c.Context).Packet;
        return decoded is not null && decoded == c.Packet with { Checksum = decoded.Checksum };
    });

    [Property(MaxTest = 500)]
    public Property SingleBitFlip_IsRejected() => Prop.ForAll(Arbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, seed) =>
    {
        var bytes = VrrpCodec.Encode(c.Packet, c.Context.Source, c.Context.Destination);
        var bit = seed % (bytes.Length * 8);
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return !VrrpCodec.Decode(bytes, c.Context).IsAccepted;
    });

    [Property(MaxTest = 1000)]
    public Property RandomBytes_NeverThrow() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (bytes, v6) =>
        {
            VrrpCodec.Decode(bytes, v6 ? Packets.Context6 : Packets.Context4);
            VrrpDatagram.DecodeIpv4(bytes, null, 0, out _);
            return true;
        });

    internal sealed record Case(VrrpPacket Packet, VrrpReceiveContext Context);

    internal static Arbitrary<Case> Arbitrary()
    {
        var v4 = Gen.Choose(0, int.MaxValue).Select(i => new IPAddress(BitConverter.GetBytes(i)));
        var v6 = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).Select(b => new IPAddress(b));
        var v2 = from vrid in Gen.Choose(1, 255)
                 from prio in Gen.Choose(0, 255)
                 from interval in Gen.Choose(1, 255)
                 from addresses in Gen.NonEmptyListOf(v4).Select(l => l.Take(20).ToArray())
                 from auth in Gen.Elements(VrrpAuthType.None, VrrpAuthType.Pass, VrrpAuthType.Ah)
                 from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 8)
                 select new Case(new VrrpPacket(VrrpVersion.V2, (byte)vrid, (byte)prio, (ushort)interval, addresses, auth, key), Packets.Context4);
        var v3 = from vrid in Gen.Choose(1, 255)
                 from prio in Gen.Choose(0, 255)
                 from interval in Gen.Choose(1, 4095)
                 from ipv6 in Gen.Elements(true, false)
                 from addresses in Gen.NonEmptyListOf(ipv6 ? v6 : v4).Select(l => l.Take(20).ToArray())
                 from source in ipv6 ? v6 : v4
                 select new Case(new VrrpPacket(VrrpVersion.V3, (byte)vrid, (byte)prio, (ushort)interval, addresses),
                     new VrrpReceiveContext(source, ipv6 ? Packets.Group6 : Packets.Group4, 255));
        return Gen.OneOf(v2, v3).ToArbitrary();
    }
}
