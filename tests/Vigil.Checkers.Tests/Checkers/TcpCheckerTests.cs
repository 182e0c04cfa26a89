using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Checkers.Tests.Checkers;

public sealed class TcpCheckerTests
{
    private static readonly (string, string)[] Timeout = [("connect_timeout", "0.5")];

    [Fact]
    public async Task PassesWhenTheConnectionOpens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            await using var check = Probes.Create(new TcpChecker(), ((IPEndPoint)listener.LocalEndpoint).Port, Timeout);
            var result = await check.ProbeAsync(CancellationToken.None);
            Assert.True(result.Healthy, result.Detail);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task RefusedPortFailsAsRefused()
    {
        // A refusal on loopback is immediate; the long timeout keeps a loaded machine from turning it into a timeout.
        await using var check = Probes.Create(new TcpChecker(), Probes.ClosedPort(), [("connect_timeout", "5")]);
        var result = await check.ProbeAsync(CancellationToken.None);
        Assert.Equal(CheckFailureKind.Refused, result.Failure);
        Assert.Equal("connection refused", result.Reason);
    }

    [Fact]
    public async Task SilentServerFailsAsTimeoutWithinConnectTimeout()
    {
        using var silent = new FullBacklog();
        await using var check = Probes.Create(new TcpChecker(), silent.Port, Timeout);
        var watch = Stopwatch.StartNew();
        var result = await check.ProbeAsync(CancellationToken.None);
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(2));
        Assert.Contains("timed out after 0.5 s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectPortOverridesTheRealServersPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            await using var check = Probes.Create(new TcpChecker(), Probes.ClosedPort(), [.. Timeout, ("connect_port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.True((await check.ProbeAsync(CancellationToken.None)).Healthy);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void TakesNoKeywordOfItsOwn()
    {
        var (_, _, issues) = Probes.Read(new TcpChecker(), 80, [("url", "x")]);
        Assert.Contains(issues, i => i.Message.Contains("unknown keyword 'url'", StringComparison.Ordinal));
    }
}
