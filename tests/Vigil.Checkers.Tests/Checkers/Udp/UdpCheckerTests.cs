using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers.Udp;

namespace Vigil.Checkers.Tests.Checkers.Udp;

public sealed class UdpCheckerTests
{
    [Theory]
    [InlineData("payload", "zz", "invalid hex payload 'zz' in UDP_CHECK of real_server 127.0.0.1 53")]
    [InlineData("require_reply", "0q", "invalid hex require_reply '0q' in UDP_CHECK of real_server 127.0.0.1 53")]
    [InlineData("max_reply_length", "70000", "max_reply_length 70000 out of range 0-65535 in UDP_CHECK of real_server 127.0.0.1 53")]
    public void BadKeywordsAreErrorsAtTheirPath(string key, string value, string message)
    {
        var (settings, _, issues) = Probes.Read(new UdpChecker(), 53, [(key, value)]);

        Assert.Null(settings);
        Assert.Contains(issues, i => i.Path == $"virtual_server:0:real_server:0:UDP_CHECK:{key}" && i.Message == message);
    }

    [Fact]
    public async Task WithoutPayload_SendsKeepalivedsFiller_AndAReplyPasses()
    {
        await using var server = new UdpEcho();
        await using var check = Probes.Create(new UdpChecker(), server.Port, [("connect_timeout", "1")]);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("keepalived check - keepalived ch"u8.ToArray(), server.Last);
    }

    [Fact]
    public async Task ClosedPortIsRefused_SilenceIsUpUnlessAReplyIsRequired()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        await using var lenient = Probes.Create(new UdpChecker(), port, [("connect_timeout", "0.3")]);
        await using var strict = Probes.Create(new UdpChecker(), port, [("connect_timeout", "0.3"), ("require_reply", "true")]);
        await using var closed = Probes.Create(new UdpChecker(), ClosedUdpPort(), [("connect_timeout", "3")]);

        Assert.Equal("ok", (await lenient.ProbeAsync(CancellationToken.None)).Reason);
        Assert.Equal("timeout", (await strict.ProbeAsync(CancellationToken.None)).Reason);
        Assert.Equal("connection refused", (await closed.ProbeAsync(CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task UpDownUp_WithAnExpectedReply()
    {
        await using var server = new UdpEcho();
        await using var check = Probes.Create(new UdpChecker(), server.Port,
            [("connect_timeout", "1"), ("payload", "de ad be ef"), ("require_reply", "dexx"), ("min_reply_length", "4"), ("max_reply_length", "4")]);

        var results = new List<CheckResult> { await check.ProbeAsync(CancellationToken.None) };
        server.Reply = [0xbe, 0xef, 0, 0];
        results.Add(await check.ProbeAsync(CancellationToken.None));
        server.Reply = [0xde, 0x01, 0, 0, 0];
        results.Add(await check.ProbeAsync(CancellationToken.None));
        server.Reply = null;
        results.Add(await check.ProbeAsync(CancellationToken.None));

        Assert.Equal(["ok", "bad response", "bad response", "ok"], results.Select(r => r.Reason));
        Assert.Equal("UDP reply from 127.0.0.1:" + server.Port + " does not match: beef0000", results[1].Detail);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, server.Last);
    }

    private static int ClosedUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Echoes each datagram back, or answers <see cref="Reply"/> when set.</summary>
    private sealed class UdpEcho : IAsyncDisposable
    {
        private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public UdpEcho() => _loop = Task.Run(LoopAsync);

        public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

        public volatile byte[]? Reply;

        public volatile byte[]? Last;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _udp.Dispose();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var received = await _udp.ReceiveAsync(_stop.Token);
                    Last = received.Buffer;
                    await _udp.SendAsync(Reply ?? received.Buffer, received.RemoteEndPoint);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        }
    }
}
