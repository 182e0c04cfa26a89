using System.Globalization;
using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// LVS-DR on the nftables plane: one LAN (10.77.0.0/24), the director holding the VIP, real servers holding it on lo
/// with arp_ignore/arp_announce set as LVS-DR needs, and replies going from the real servers straight to the client.
/// </summary>
[Collection("netns")]
public sealed class DirectRoutingTests
{
    private static readonly IPAddress Vip = IPAddress.Parse("10.77.0.100");

    [Fact]
    public async Task DirectRouting_SpreadsOverTheServers_RepliesComeFromThem_AndAServerAtWeightZeroGetsNothing()
    {
        await using var lab = await NetnsLab.CreateAsync("director", "rs1", "rs2", "rs3", "client");
        var directory = Directory.CreateTempSubdirectory("vigil-dr-").FullName;
        try
        {
            await lab.RunCheckedAsync(lab["director"].Namespace, "ip", "addr", "add", $"{Vip}/32", "dev", "eth0");
            for (var i = 1; i <= 3; i++)
            {
                var ns = lab[$"rs{i}"].Namespace;
                await lab.RunCheckedAsync(ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2",
                    "net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_announce=2");
                await lab.RunCheckedAsync(ns, "ip", "addr", "add", $"{Vip}/32", "dev", "lo");
                Nginx.Start(lab, ns, Path.Combine(directory, $"rs{i}"), $"rs{i}", "*");
            }

            for (var i = 1; i <= 3; i++)
            {
                await Nginx.WaitListeningAsync(lab, lab[$"rs{i}"].Namespace, lab[$"rs{i}"].Ipv4.ToString());
            }

            await using var plane = await lab.InNamespaceAsync(lab["director"].Namespace, () => new NftablesDataPlaneProvider().Create());
            await plane.ApplyAsync([Plan(lab, 1, 1, 1)], default);

            var names = await GetManyAsync(lab, 30);
            var ruleset = (await lab.RunAsync(lab["director"].Namespace, "nft", "list", "table", "netdev", "vigil_lvs_dr")).Stdout;
            Assert.True(names.Distinct().Order().SequenceEqual(["rs1", "rs2", "rs3"]), $"{string.Join(",", names.Distinct())}\n{ruleset}");
            var counters = await plane.ReadCountersAsync(default);
            Assert.Equal(3, counters.Count);
            Assert.True(counters.Sum(c => c.PacketsIn) >= 30 * 5, string.Join(", ", counters.Select(c => $"{c.Server} {c.PacketsIn}")));

            await plane.ApplyAsync([Plan(lab, 1, 0, 1)], default);
            var after = await GetManyAsync(lab, 20);
            Assert.DoesNotContain("rs2", after);
            Assert.All(after, n => Assert.StartsWith("rs", n, StringComparison.Ordinal));

            await plane.ApplyAsync([], default);
            var tables = await lab.RunCheckedAsync(lab["director"].Namespace, "nft", "list", "tables");
            Assert.DoesNotContain("vigil_lvs_dr", tables.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<string>> GetManyAsync(NetnsLab lab, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var result = await lab.RunAsync(lab["client"].Namespace, "curl", "-s", "--max-time", "3", $"http://{Vip}/");
            names.Add(result.ExitCode == 0 ? result.Stdout.Trim() : $"curl exit {result.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }

        return names;
    }

    private static ServicePlan Plan(NetnsLab lab, params int[] weights)
    {
        var key = VirtualServerKey.ForEndpoint(Vip, 80);
        var real = weights.Select((w, i) => new RealServerDefinition(new RealServerKey(lab[$"rs{i + 1}"].Ipv4, 80), w, false, ForwardingMethod.DirectRouting, 0, null)).ToList();
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key], Algorithm = SchedulerAlgorithm.RoundRobin, Method = ForwardingMethod.DirectRouting, RealServers = real };
        return new ServicePlan(service, real.Select(r => new BackendPlan(r.Key, r.Weight, ForwardingMethod.DirectRouting)).ToList());
    }
}
