using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.DataPlanes.Nftables;

public sealed class NftablesCountersTests
{
    [Fact]
    public void Parse_ReadsNamedCounters_AndTheCountingSetsElementsByBackend()
    {
        var json = """
            {"nftables":[
              {"metainfo":{"version":"1.0.6"}},
              {"counter":{"family":"netdev","name":"d_3","table":"vigil_lvs_dr","packets":5,"bytes":500}},
              {"set":{"family":"inet","name":"made","table":"vigil_lvs","type":"mark","elem":[{"elem":{"val":MARK,"counter":{"packets":2,"bytes":120}}}]}},
              {"set":{"family":"inet","name":"traffic","table":"vigil_lvs","type":["mark","ct_dir"],"elem":[
                {"elem":{"val":{"concat":[MARK,"original"]},"counter":{"packets":10,"bytes":900}}},
                {"elem":{"val":{"concat":[MARK,"reply"]},"counter":{"packets":8,"bytes":4000}}}]}},
              {"set":{"family":"inet","name":"p_7","table":"vigil_lvs","type":"ipv4_addr","elem":[{"elem":{"val":"10.0.0.9","timeout":300}}]}}
            ]}
            """.Replace("MARK", Mark(7), StringComparison.Ordinal);

        var counters = NftablesCounters.Parse(json);

        Assert.Equal((5L, 500L), counters["d_3"]);
        Assert.Equal((2L, 120L), counters["c_7"]);
        Assert.Equal((10L, 900L), counters["i_7"]);
        Assert.Equal((8L, 4000L), counters["o_7"]);
        Assert.Equal(4, counters.Count);
    }

    [Fact]
    public void Parse_EmptyOutput_IsNoCounters()
    {
        Assert.Empty(NftablesCounters.Parse(""));
    }

    [Property]
    public Property Parse_GivesEveryBackendItsOwnCounts(NonEmptyArray<(ushort Id, uint Packets, uint Bytes)> raw)
    {
        var backends = raw.Get.DistinctBy(b => b.Id).ToList();
        var made = backends.Select(b => Element(Mark(b.Id), b.Packets, b.Bytes));
        var traffic = backends.SelectMany(b => new[]
        {
            Element("""{"concat":[MARK,"original"]}""".Replace("MARK", Mark(b.Id), StringComparison.Ordinal), b.Packets + 1L, b.Bytes),
            Element("""{"concat":[MARK,"reply"]}""".Replace("MARK", Mark(b.Id), StringComparison.Ordinal), b.Packets, b.Bytes + 1L),
        });
        var json = """{"nftables":[{"set":{"name":"made","elem":[MADE]}},{"set":{"name":"traffic","elem":[TRAFFIC]}}]}"""
            .Replace("MADE", string.Join(",", made), StringComparison.Ordinal)
            .Replace("TRAFFIC", string.Join(",", traffic), StringComparison.Ordinal);

        var counters = NftablesCounters.Parse(json);

        return backends.All(b => counters[$"c_{b.Id}"] == ((long)b.Packets, (long)b.Bytes)
            && counters[$"i_{b.Id}"] == (b.Packets + 1L, (long)b.Bytes)
            && counters[$"o_{b.Id}"] == ((long)b.Packets, b.Bytes + 1L)).ToProperty();
    }

    private static string Mark(uint id) => NftablesRenderer.Mark(id).ToString(CultureInfo.InvariantCulture);

    private static string Element(string key, long packets, long bytes) =>
        """{"elem":{"val":KEY,"counter":{"packets":PACKETS,"bytes":BYTES}}}"""
            .Replace("KEY", key, StringComparison.Ordinal)
            .Replace("PACKETS", packets.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("BYTES", bytes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
