using System.Net;
using System.Net.Sockets;
using Vigil.Checkers.Tests.Support;
using Vigil.Linux.Icmp;
using Vigil.Plugins.Checkers.Checkers.Ping;
using Vigil.Testing.Netns;

namespace Vigil.Checkers.Tests.Checkers.Ping;

/// <summary>PING_CHECK between two namespaces on a bridge: the target answers, then drops echoes (nft), then answers again.</summary>
[Collection("netns")]
public sealed class PingCheckerTests
{
    [Theory]
    [InlineData(IcmpSocketMode.Datagram)]
    [InlineData(IcmpSocketMode.Raw)]
    public async Task UpDownUp_ThroughEitherSocket_OverIpv4AndIpv6(IcmpSocketMode mode)
    {
        await using var lab = await NetnsLab.CreateAsync("chk", "tgt");
        var checker = lab["chk"].Namespace;
        var target = lab["tgt"];
        // Ping sockets are refused unless the process's group is in the range, which is per namespace.
        await lab.RunCheckedAsync(checker, "sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 2147483647");
        await using var pinger = new IcmpPinger(TimeProvider.System, mode);
        // Sockets live in the namespace of the thread that opens them.
        var raw = await lab.InNamespaceAsync(checker, () => (pinger.UsesRawSocket(AddressFamily.InterNetwork), pinger.UsesRawSocket(AddressFamily.InterNetworkV6)));
        Assert.Equal((mode == IcmpSocketMode.Raw, mode == IcmpSocketMode.Raw), raw);

        foreach (var address in new[] { target.Ipv4, target.Ipv6 })
        {
            await using var check = Probes.Create(new PingChecker(pinger), 80, [("connect_ip", address.ToString()), ("connect_timeout", "1")]);
            var reasons = new List<string> { (await check.ProbeAsync(CancellationToken.None)).Reason };
            await lab.RunCheckedAsync(target.Namespace, "nft", "add table inet vigil_ping; add chain inet vigil_ping in { type filter hook input priority 0; icmp type echo-request drop; icmpv6 type echo-request drop; }");
            reasons.Add((await check.ProbeAsync(CancellationToken.None)).Reason);
            await lab.RunCheckedAsync(target.Namespace, "nft", "delete table inet vigil_ping");
            reasons.Add((await check.ProbeAsync(CancellationToken.None)).Reason);

            Assert.Equal(["ok", "timeout", "ok"], reasons);
        }
    }

    [Fact]
    public async Task AnAddressNobodyHasTimesOut_ManyEchoesShareOneSocket()
    {
        await using var lab = await NetnsLab.CreateAsync("chk", "tgt");
        await using var pinger = new IcmpPinger(TimeProvider.System, IcmpSocketMode.Raw);
        await lab.InNamespaceAsync(lab["chk"].Namespace, () => pinger.UsesRawSocket(AddressFamily.InterNetwork));

        var pings = Enumerable.Range(0, 50).Select(_ => pinger.PingAsync(lab["tgt"].Ipv4, TimeSpan.FromSeconds(2), CancellationToken.None)).ToList();
        var nobody = await pinger.PingAsync(IPAddress.Parse("10.77.0.99"), TimeSpan.FromSeconds(0.5), CancellationToken.None);

        Assert.All(await Task.WhenAll(pings), p => Assert.Equal(PingStatus.Replied, p.Status));
        Assert.Equal((PingStatus.TimedOut, "no echo reply from 10.77.0.99 within 0.5 s"), (nobody.Status, nobody.Detail));
    }
}
