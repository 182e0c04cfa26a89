using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers.Dns;
using Vigil.Testing.Processes;

namespace Vigil.Checkers.Tests.Checkers.Dns;

public sealed class DnsCheckerTests
{
    private static readonly (string, string)[] Fast = [("connect_timeout", "1"), ("type", "A"), ("name", "www.example.com")];

    [Fact]
    public async Task Defaults_AreKeepalivedsRetry3AndAnSoaQueryForTheRoot()
    {
        await using var server = new TestDnsServer();
        var (settings, _, issues) = Probes.Read(new DnsChecker(), server.Port, [("delay_loop", "9")]);
        await using var check = Probes.Create(new DnsChecker(), server.Port, []);

        Assert.Empty(issues);
        Assert.Equal((3, TimeSpan.FromSeconds(9)), (settings!.Schedule.Retry, settings.Schedule.DelayBeforeRetry));
        Assert.Equal("DNS SOA .: 1 SOA answer(s)", (await check.ProbeAsync(CancellationToken.None)).Detail);
    }

    [Theory]
    [InlineData("type", "PTR", "unknown DNS type 'PTR' in DNS_CHECK of real_server 127.0.0.1 53 (known: A, NS, CNAME, SOA, MX, TXT, AAAA, RRSIG, DNSKEY)")]
    [InlineData("name", "a..b", "DNS name 'a..b' in DNS_CHECK of real_server 127.0.0.1 53 has an empty label")]
    [InlineData("name", ".com", "DNS name '.com' in DNS_CHECK of real_server 127.0.0.1 53 has an empty label")]
    public void BadKeywordsAreErrorsAtTheirPath(string key, string value, string message)
    {
        var (settings, _, issues) = Probes.Read(new DnsChecker(), 53, [(key, value)]);

        Assert.Null(settings);
        var issue = Assert.Single(issues);
        Assert.Equal(($"virtual_server:0:real_server:0:DNS_CHECK:{key}", message), (issue.Path, issue.Message));
    }

    [Theory]
    [InlineData(TestDnsServer.Answer.Right)]
    [InlineData(TestDnsServer.Answer.WrongIdThenRight)]
    [InlineData(TestDnsServer.Answer.GarbageThenRight)]
    [InlineData(TestDnsServer.Answer.OtherQuestionThenRight)]
    public async Task TheReplyToItsQuestionPasses_StrayDatagramsAreIgnored(TestDnsServer.Answer mode)
    {
        await using var server = new TestDnsServer { Mode = mode };
        await using var check = Probes.Create(new DnsChecker(), server.Port, Fast);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("DNS A www.example.com: 1 A answer(s)", result.Detail);
    }

    [Theory]
    [InlineData(TestDnsServer.Answer.ServFail, "bad status 2", "DNS A www.example.com: rcode 2 (SERVFAIL)")]
    [InlineData(TestDnsServer.Answer.Truncated, "bad response", "malformed DNS response: answer 1 is cut short")]
    [InlineData(TestDnsServer.Answer.Silent, "timeout", "no DNS reply from 127.0.0.1:{0} within 1 s")]
    public async Task WrongOrNoAnswerFails(TestDnsServer.Answer mode, string reason, string detail)
    {
        await using var server = new TestDnsServer { Mode = mode };
        await using var check = Probes.Create(new DnsChecker(), server.Port, Fast);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal((reason, string.Format(CultureInfo.InvariantCulture, detail, server.Port)), (result.Reason, result.Detail));
    }

    [Fact]
    public async Task UpDownUp_AgainstDnsmasq()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-dns-").FullName;
        var port = FreeUdpPort();
        var conf = Path.Combine(dir, "dnsmasq.conf");
        await File.WriteAllTextAsync(conf, $"""
            port={port}
            listen-address=127.0.0.1
            bind-interfaces
            no-resolv
            no-hosts
            no-daemon
            user=root
            pid-file=
            local=/test/
            address=/www.vigil.test/192.0.2.7
            """);
        try
        {
            await using var check = Probes.Create(new DnsChecker(), port, [("connect_timeout", "1"), ("type", "A"), ("name", "www.vigil.test")]);
            await using var missing = Probes.Create(new DnsChecker(), port, [("connect_timeout", "1"), ("type", "A"), ("name", "nope.vigil.test")]);
            var results = new List<CheckResult>();
            await using (var dnsmasq = await StartDnsmasqAsync(conf, check))
            {
                results.Add(await check.ProbeAsync(CancellationToken.None));
                results.Add(await missing.ProbeAsync(CancellationToken.None));
            }

            results.Add(await check.ProbeAsync(CancellationToken.None));
            await using (await StartDnsmasqAsync(conf, check))
            {
                results.Add(await check.ProbeAsync(CancellationToken.None));
            }

            Assert.Equal(["ok", "bad status 3", "connection refused", "ok"], results.Select(r => r.Reason));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<BackgroundProcess> StartDnsmasqAsync(string conf, IHealthCheck check)
    {
        var process = BackgroundProcess.Start("dnsmasq", [$"--conf-file={conf}"]);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await check.ProbeAsync(CancellationToken.None)).Reason == "connection refused")
        {
            Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"dnsmasq did not start: {process.Output}");
            await Task.Delay(50);
        }

        return process;
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
