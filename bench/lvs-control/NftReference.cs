using System.Diagnostics;

namespace Vigil.Ipvs.Bench;

/// <summary>
/// The reference tool line: <c>nft -f</c> replacing a whole table with the ruleset the nftables plane programmed
/// (its <c>nft list</c> text, renamed), in one atomic transaction, as a reload by a script-driven balancer does.
/// The time includes starting nft, as such a reload pays it.
/// </summary>
internal static class NftReference
{
    private const string Table = "vigil_ref";

    /// <summary>Times <paramref name="runs"/> replays of <paramref name="listing"/> (from <c>nft list table inet vigil_lvs</c>).</summary>
    public static async Task<(IReadOnlyList<double> Ms, int Lines)> TimeAsync(string listing, int runs)
    {
        var header = $"table inet {Table}\ndelete table inet {Table}\n";
        var body = listing.Replace($"table inet {Vigil.Plugins.Ipvs.DataPlanes.Nftables.NftablesRenderer.Table} {{", $"table inet {Table} {{", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"vigil-lvs-ref-{Environment.ProcessId}.nft");
        await File.WriteAllTextAsync(file, header + body);
        try
        {
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await NftCommand.RunAsync("-f", file);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return (times, body.Count(c => c == '\n'));
        }
        finally
        {
            File.Delete(file);
            await NftCommand.RunAsync("delete", "table", "inet", Table);
        }
    }
}
