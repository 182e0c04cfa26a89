using System.Runtime.CompilerServices;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class CorpusTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(CorpusDirectory()).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_DecodesWithoutThrowing(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusDirectory(), file));
        DecodeEveryWay(bytes);
    }

    [Fact]
    public void CorpusSeeds_DecodeAsExpected()
    {
        Assert.True(VrrpCodec.Decode(Read("v2_pass_seed.bin"), Packets.Context4).IsAccepted);
        Assert.True(VrrpCodec.Decode(Read("v3_ipv6.bin"), Packets.Context6).IsAccepted);
        Assert.True(VrrpDatagram.DecodeIpv4(Read("ipv4_datagram_v2.bin"), null, 0, out _).IsAccepted);
        Assert.Equal(VrrpRejectReason.BadChecksum, VrrpCodec.Decode(Read("v2_bad_checksum.bin"), Packets.Context4).Reason);
        Assert.Equal(VrrpRejectReason.BadTtl, VrrpDatagram.DecodeIpv4(Read("ipv4_datagram_ttl1.bin"), null, 0, out _).Reason);
    }

    [Fact]
    public void MutatedCorpus_TenThousandTimes_NeverThrows()
    {
        var random = new Random(20240611);
        var seeds = Directory.GetFiles(CorpusDirectory()).Select(File.ReadAllBytes).ToArray();
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = seeds[random.Next(seeds.Length)].ToList();
            for (var m = random.Next(1, 5); m > 0; m--)
            {
                switch (random.Next(3))
                {
                    case 0 when bytes.Count > 0: bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8)); break;
                    case 1 when bytes.Count > 0: bytes.RemoveAt(random.Next(bytes.Count)); break;
                    default: bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256)); break;
                }
            }

            DecodeEveryWay(bytes.ToArray());
        }
    }

    private static void DecodeEveryWay(byte[] bytes)
    {
        VrrpCodec.Decode(bytes, Packets.Context4);
        VrrpCodec.Decode(bytes, Packets.Context6);
        VrrpCodec.Decode(bytes, Packets.Context4, new VrrpExpectation(VrrpVersion.V2, 14, VrrpAuthType.Pass, VrrpCodec.AuthKey("571f97b2")));
        VrrpDatagram.DecodeIpv4(bytes, null, 0, out _);
        VrrpDatagram.DecodeIpv4(bytes, new VrrpExpectation(VrrpVersion.V2, 14, VrrpAuthType.Ah, VrrpCodec.AuthKey("secret")), 0, out _);
    }

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(CorpusDirectory(), name));

    private static string CorpusDirectory([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Corpus");
}
