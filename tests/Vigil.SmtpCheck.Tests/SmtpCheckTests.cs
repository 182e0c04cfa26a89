using System.Diagnostics;
using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.SmtpCheck.Tests.Support;

namespace Vigil.SmtpCheck.Tests;

/// <summary>SMTP_CHECK against the test's own servers on 127.0.0.1: the polite one and the ones that misbehave.</summary>
public sealed class SmtpCheckTests
{
    private static readonly (string, string) ShortTimeout = ("connect_timeout", "0.5");

    [Fact]
    public async Task ProbeAsync_PoliteServer_PassesAfterHeloWithKeepalivedsNameAndQuit()
    {
        var heard = new List<string>();
        await using var server = ScriptedSmtpServer.Polite(heard);
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal(["HELO smtpchecker.keepalived.org", "QUIT"], heard);
        Assert.Equal($"SMTP 127.0.0.1:{server.Port}: greeted, HELO smtpchecker.keepalived.org accepted", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_HeloName_IsSent()
    {
        var heard = new List<string>();
        await using var server = ScriptedSmtpServer.Polite(heard);
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout, ("helo_name", "lb1.example.org"));

        Assert.True((await check.ProbeAsync(CancellationToken.None)).Healthy);
        Assert.Equal("HELO lb1.example.org", heard[0]);
    }

    [Fact]
    public async Task ProbeAsync_ServerThatClosesAtOnce_FailsAsBadResponse()
    {
        await using var server = new ScriptedSmtpServer((_, _) => Task.CompletedTask);
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.BadResponse, result.Failure);
        Assert.Equal($"SMTP 127.0.0.1:{server.Port} closed the connection before the greeting", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ServerAnswering554_FailsAsBadResponseNamingTheReply()
    {
        await using var server = new ScriptedSmtpServer((s, ct) => s.SendAsync("554 5.3.2 mail.example no SMTP service here\r\n", ct));
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.BadResponse, result.Failure);
        Assert.Equal("bad response", result.Reason);
        Assert.Equal($"SMTP 127.0.0.1:{server.Port}: greeting 554 5.3.2 mail.example no SMTP service here (expected 220)", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ServerRefusingHelo_FailsAsBadResponse()
    {
        await using var server = new ScriptedSmtpServer(async (s, ct) =>
        {
            await s.SendAsync("220 hi\r\n", ct);
            await s.ReadLineAsync(ct);
            await s.SendAsync("550 go away\r\n", ct);
        });
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal($"SMTP 127.0.0.1:{server.Port}: HELO smtpchecker.keepalived.org answered 550 go away (expected 250)", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ServerThatHangsAfterItsBanner_TimesOutWithinConnectTimeout()
    {
        await using var server = new ScriptedSmtpServer(async (s, ct) =>
        {
            await s.SendAsync("220 hi\r\n", ct);
            await s.HangAsync(ct);
        });
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);
        var watch = Stopwatch.StartNew();

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.Equal($"SMTP 127.0.0.1:{server.Port}: timed out after 0.5 s waiting for the reply to HELO", result.Detail);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.45), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ProbeAsync_ServerTricklingItsBanner_TimesOutWithinConnectTimeout()
    {
        await using var server = new ScriptedSmtpServer(async (s, ct) =>
        {
            foreach (var c in "220 slow banner that never ends")
            {
                await s.SendAsync(c.ToString(), ct);
                await Task.Delay(50, ct);
            }
        });
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);
        var watch = Stopwatch.StartNew();

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.45), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ProbeAsync_EndlessLine_FailsAtTheLineLimit()
    {
        await using var server = new ScriptedSmtpServer(async (s, ct) =>
        {
            await s.SendAsync("220 " + new string('x', 10_000), ct);
            await s.HangAsync(ct);
        });
        await using var check = SmtpProbes.Create(server.Port, ShortTimeout);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal($"SMTP 127.0.0.1:{server.Port} sent a reply line longer than 512 bytes instead of the greeting", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_NothingListening_FailsAsRefused()
    {
        await using var check = SmtpProbes.Create(ClosedPort(), ("connect_timeout", "5"));

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.Refused, result.Failure);
        Assert.Equal("connection refused", result.Reason);
    }

    [Fact]
    public async Task ProbeAsync_ConnectPort_OverridesTheRealServersPort()
    {
        await using var server = ScriptedSmtpServer.Polite([]);
        await using var check = SmtpProbes.Create(ClosedPort(), ShortTimeout, ("connect_port", Text(server.Port)));

        Assert.True((await check.ProbeAsync(CancellationToken.None)).Healthy);
    }

    [Fact]
    public async Task ProbeAsync_HostBlocks_EveryHostIsChecked_TheFirstFailingOneIsTheResult()
    {
        await using var polite = ScriptedSmtpServer.Polite([]);
        await using var rude = new ScriptedSmtpServer((s, ct) => s.SendAsync("554 no\r\n", ct));
        await using var check = SmtpProbes.Create(
            ClosedPort(),
            ("host:0:connect_ip", "127.0.0.1"), ("host:0:connect_port", Text(polite.Port)), ("host:0:connect_timeout", "0.5"),
            ("host:1:connect_port", Text(rude.Port)));

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal($"SMTP 127.0.0.1:{rude.Port}: greeting 554 no (expected 220)", result.Detail);
        Assert.Equal((1, 1), (polite.Connections, rude.Connections));
    }

    [Fact]
    public async Task ProbeAsync_HostBlocksAllPolite_Passes_AndTheRealServerItselfIsNotChecked()
    {
        await using var first = ScriptedSmtpServer.Polite([]);
        await using var second = ScriptedSmtpServer.Polite([]);
        await using var check = SmtpProbes.Create(ClosedPort(), ("host:0:connect_port", Text(first.Port)), ("host:1:connect_port", Text(second.Port)));

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("2 SMTP servers greeted, HELO smtpchecker.keepalived.org accepted", result.Detail);
    }

    [Fact]
    public async Task ProbeAsync_HostBlocksAndAConnectionKeyword_ChecksTheBlocksOwnServerToo()
    {
        await using var host = ScriptedSmtpServer.Polite([]);
        await using var check = SmtpProbes.Create(ClosedPort(), ("connect_timeout", "5"), ("host:0:connect_port", Text(host.Port)));

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(CheckFailureKind.Refused, result.Failure);
        Assert.Equal(1, host.Connections);
    }

    [Fact]
    public async Task ProbeAsync_Cancelled_Throws()
    {
        await using var server = new ScriptedSmtpServer((s, ct) => s.HangAsync(ct));
        await using var check = SmtpProbes.Create(server.Port, ("connect_timeout", "30"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await check.ProbeAsync(cancel.Token));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int ClosedPort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
