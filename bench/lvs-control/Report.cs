using System.Globalization;

namespace Vigil.Ipvs.Bench;

/// <summary>Prints the runs side by side, the nftables cost (nftables less no-op), the targets and the reference line.</summary>
internal static class Report
{
    private const double ChangeTargetMs = 5;
    private const double ReloadTargetMs = 100;

    public static bool Print(RunResult nft, RunResult noop, BenchOptions options, (IReadOnlyList<double> Ms, int Lines) reference)
    {
        Console.WriteLine($"Vigil control plane: {Topology.Services} virtual servers x {Topology.ServersPerService} real servers = {Topology.RealServers} RS (NAT, wrr, one checker each)");
        Console.WriteLine($"health changes: {options.Changes} (one at a time, {options.GapMs} ms apart); full reloads: {options.Reloads} (every weight changed)");
        Console.WriteLine();
        Console.WriteLine($"{"",-52} {"nftables",10} {"no-op",10} {"difference",11}");
        Row("health change -> applied, median (ms)", Stats.Median(nft.ChangeMs), Stats.Median(noop.ChangeMs));
        Row("health change -> applied, p99 (ms)", Stats.P99(nft.ChangeMs), Stats.P99(noop.ChangeMs));
        Row("health change -> applied, max (ms)", Stats.Max(nft.ChangeMs), Stats.Max(noop.ChangeMs));
        Row("health change, process CPU time, median (ms)", Stats.Median(nft.ChangeCpuMs), Stats.Median(noop.ChangeCpuMs));
        Row("full reload, median (ms)", Stats.Median(nft.ReloadMs), Stats.Median(noop.ReloadMs));
        Row("full reload, p99 (ms)", Stats.P99(nft.ReloadMs), Stats.P99(noop.ReloadMs));
        Row("full reload, process CPU time, median (ms)", Stats.Median(nft.ReloadCpuMs), Stats.Median(noop.ReloadCpuMs));
        Row("first programming of the table (ms)", nft.InitialApplyMs, noop.InitialApplyMs);
        var reloads = options.Reloads + ControlPlaneRun.WarmUpReloads;
        Memory("table programmed", nft.TableDelta, noop.TableDelta);
        Memory($"after {reloads} reloads", nft.ReloadedDelta, noop.ReloadedDelta);
        Memory($"+ {Topology.RealServers} health entries", nft.WithHealthDelta, noop.WithHealthDelta);
        Console.WriteLine($"(memory is per {Topology.RealServers} real servers: the deltas over the warmed-up, empty controller)");
        Console.WriteLine();

        var changeMet = Stats.Median(nft.ChangeMs) < ChangeTargetMs;
        var reloadMet = Stats.Median(nft.ReloadMs) < ReloadTargetMs;
        var clean = nft.Anomalies == 0 && noop.Anomalies == 0;
        Console.WriteLine($"target: one health change applied in < {ChangeTargetMs} ms (median, nftables): {F(Stats.Median(nft.ChangeMs))} ms  {(changeMet ? "MET" : "NOT MET")}");
        Console.WriteLine($"target: full reload in < {ReloadTargetMs} ms (median, nftables): {F(Stats.Median(nft.ReloadMs))} ms  {(reloadMet ? "MET" : "NOT MET")}");
        Console.WriteLine($"memory per {Topology.RealServers} RS (nftables run, table programmed): live managed {F(Mb(nft.TableDelta.ManagedBytes))} MB, RSS {F(Mb(nft.TableDelta.RssBytes))} MB; after the reloads with every health entry: live managed {F(Mb(nft.WithHealthDelta.ManagedBytes))} MB, RSS {F(Mb(nft.WithHealthDelta.RssBytes))} MB");
        if (!clean)
        {
            Console.WriteLine($"ANOMALIES: {nft.Anomalies} (nftables) / {noop.Anomalies} (no-op) measurements did not produce exactly one apply of every service");
        }

        Console.WriteLine();
        Console.WriteLine("keepalived: not runnable here (no IPVS)");
        Console.WriteLine($"reference tool: nft -f replacing a table with the same ruleset ({reference.Lines} lines), {reference.Ms.Count} runs: median {F(Stats.Median(reference.Ms))} ms, max {F(Stats.Max(reference.Ms))} ms (includes starting nft)");
        return changeMet && reloadMet && clean;
    }

    private static void Memory(string when, MemorySample nft, MemorySample noop)
    {
        Row($"live managed objects, {when} (MB)", Mb(nft.ManagedBytes), Mb(noop.ManagedBytes));
        Row($"GC committed, {when} (MB)", Mb(nft.GcCommittedBytes), Mb(noop.GcCommittedBytes));
        Row($"RSS, {when} (MB)", Mb(nft.RssBytes), Mb(noop.RssBytes));
    }

    private static void Row(string what, double nft, double noop) =>
        Console.WriteLine($"{what,-52} {F(nft),10} {F(noop),10} {F(nft - noop),11}");

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
