using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Userspace;

namespace Vigil.Ipvs.Tests.DataPlanes.Userspace;

/// <summary>The forwarder on loopback, against in-process servers that say their name.</summary>
public sealed class UserspaceDataPlaneTests : IAsyncLifetime
{
    private const int Timeout = 30_000;

    private readonly CancellationTokenSource _cancel = new(TimeSpan.FromSeconds(20));
    private readonly List<NameServer> _servers = [];
    private IDataPlane _plane = null!;

    private CancellationToken Token => _cancel.Token;

    public Task InitializeAsync()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            _servers.Add(new NameServer(name));
        }

        _plane = Provider().Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _plane.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _cancel.Dispose();
    }

    [Fact]
    public void TheProvider_IsAlwaysAvailable()
    {
        var provider = Provider();
        Assert.Equal("userspace", provider.Name);
        Assert.Null(provider.Unavailable());
        Assert.Equal("userspace", _plane.Name);
    }

    [Fact]
    public void Unsupported_FwmarkAndDirectRouting()
    {
        var fwmark = VirtualServerKey.ForFwmark(7);
        Assert.Contains("fwmark", _plane.Unsupported(new VirtualServerDefinition { Key = fwmark, Endpoints = [fwmark] }));

        var dr = Plan(FreeVip(), SchedulerAlgorithm.RoundRobin, Weights(1)).Service with { Method = ForwardingMethod.DirectRouting };
        Assert.Equal("the user-space forwarder proxies connections (NAT only)", _plane.Unsupported(dr));
        Assert.Null(_plane.Unsupported(Plan(FreeVip(), SchedulerAlgorithm.RoundRobin, Weights(1)).Service));
    }

    [Fact(Timeout = Timeout)]
    public async Task RoundRobin_VisitsTheServersInOrder()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], await NamesAsync(vip, 7));
    }

    [Fact(Timeout = Timeout)]
    public async Task WeightedRoundRobin_InterleavesAsTheKernel()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.WeightedRoundRobin, Weights(3, 2, 1))], Token);

        Assert.Equal(["a", "a", "b", "a", "b", "c", "a", "a", "b"], await NamesAsync(vip, 9));
    }

    [Fact(Timeout = Timeout)]
    public async Task AServerOfWeightZero_GetsNothing()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 0, 1))], Token);

        Assert.Equal(["a", "c", "a", "c", "a", "c"], await NamesAsync(vip, 6));
        Assert.Equal(0, _servers[1].Accepted);
        var b = (await _plane.ReadCountersAsync(Token)).Single(c => c.Server.Port == _servers[1].Endpoint.Port);
        Assert.Equal(0, b.Connections);
    }

    [Fact(Timeout = Timeout)]
    public async Task NoServer_RefusesTheConnection()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(0, 0, 0))], Token);

        Assert.Equal(0, await ConnectAndReadAsync(vip));
    }

    [Fact(Timeout = Timeout)]
    public async Task RemovingAServer_KeepsItsOpenConnectionFlowing()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using var open = await Client.ConnectAsync(vip, Token);
        Assert.Equal("a", open.Name);

        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, [(_servers[1], 1), (_servers[2], 1)])], Token);

        Assert.Equal("still there", await open.EchoAsync("still there", Token));
        Assert.DoesNotContain("a", await NamesAsync(vip, 4));
        Assert.Equal("and now", await open.EchoAsync("and now", Token));
    }

    [Fact(Timeout = Timeout)]
    public async Task AReloadChangingWeights_KeepsOpenConnections_AndTheirCounts()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.WeightedRoundRobin, Weights(1, 1, 1))], Token);
        var open = new List<Client>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await Client.ConnectAsync(vip, Token));
        }

        try
        {
            await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.WeightedRoundRobin, Weights(5, 1, 0))], Token);

            foreach (var client in open)
            {
                Assert.Equal($"hello {client.Name}", await client.EchoAsync($"hello {client.Name}", Token));
            }

            var counters = await _plane.ReadCountersAsync(Token);
            Assert.All(counters, c => Assert.Equal(1, c.ActiveConnections));
            Assert.DoesNotContain("c", await NamesAsync(vip, 6));
        }
        finally
        {
            open.ForEach(c => c.Dispose());
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task Counters_CountConnectionsReadsAndBytes()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using (var client = await Client.ConnectAsync(vip, Token))
        {
            await client.EchoAsync("12345", Token);
            await client.EchoAsync("678", Token);
            var during = (await _plane.ReadCountersAsync(Token)).Single(c => c.Server.Port == _servers[0].Endpoint.Port);
            Assert.Equal(1, during.ActiveConnections);
            Assert.Equal(1, during.Connections);
            Assert.Equal(8, during.BytesIn);
            Assert.Equal(2, during.PacketsIn);
            Assert.Equal(2 + 8, during.BytesOut);
        }

        await NamesAsync(vip, 2);
        await WaitUntilAsync(async () => (await _plane.ReadCountersAsync(Token)).All(c => c.ActiveConnections == 0 && c.InactiveConnections == 0));
        var counters = await _plane.ReadCountersAsync(Token);
        Assert.Equal(3, counters.Count);
        Assert.All(counters, c => Assert.Equal(1, c.Connections));
    }

    [Fact(Timeout = Timeout)]
    public async Task WithoutSplice_TheCopyRelayCarriesTheSameTraffic()
    {
        await using var plane = Provider(splice: false).Create();
        var vip = FreeVip();
        await plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using var client = await Client.ConnectAsync(vip, Token);
        var big = new string('x', 300_000);
        Assert.Equal(big, await client.EchoAsync(big, Token));
        Assert.Equal("a", client.Name);
    }

    [Fact(Timeout = Timeout)]
    public async Task Splice_CarriesALargeTransferBothWays_WithoutFallingBack()
    {
        var logs = new RecordingLoggerFactory();
        await using var plane = new UserspaceDataPlaneProvider(TimeProvider.System, logs).Create();
        var vip = FreeVip();
        await plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using var client = await Client.ConnectAsync(vip, Token);
        var big = string.Concat(Enumerable.Range(0, 1_000_000).Select(i => (char)('a' + (i % 26))));
        Assert.Equal(big, await client.EchoAsync(big, Token));
        Assert.Contains(9208, logs.Events);
        Assert.DoesNotContain(9203, logs.Events);
    }

    [Fact(Timeout = Timeout)]
    public async Task Persistence_KeepsAClientOnItsServer()
    {
        var vip = FreeVip();
        var plan = Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1));
        plan = plan with { Service = plan.Service with { Persistence = TimeSpan.FromMinutes(5) } };
        await _plane.ApplyAsync([plan], Token);

        Assert.Equal(["a", "a", "a"], await NamesAsync(vip, 3, "127.0.0.5"));
        Assert.Equal(["b", "b"], await NamesAsync(vip, 2, "127.0.0.6"));
    }

    [Fact(Timeout = Timeout)]
    public async Task ABindFailure_Throws_AndLeavesThePreviousState()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = (IPEndPoint)squatter.LocalEndpoint;

        var fresh = FreeVip();
        var ex = await Assert.ThrowsAsync<DataPlaneException>(() => _plane.ApplyAsync(
            [Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(0, 1, 0)), Plan(fresh, SchedulerAlgorithm.RoundRobin, Weights(1)), Plan(taken, SchedulerAlgorithm.RoundRobin, Weights(1))],
            Token));
        Assert.Contains(taken.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);

        Assert.Equal(["a", "b", "c"], await NamesAsync(vip, 3));
        await Assert.ThrowsAnyAsync<SocketException>(() => Client.NameAsync(fresh, Token));
    }

    [Fact(Timeout = Timeout)]
    public async Task ARemovedEndpoint_StopsListening_ButItsConnectionsRunOn()
    {
        var vip = FreeVip();
        await _plane.ApplyAsync([Plan(vip, SchedulerAlgorithm.RoundRobin, Weights(1, 1, 1))], Token);
        using var open = await Client.ConnectAsync(vip, Token);

        await _plane.ApplyAsync([], Token);

        await Assert.ThrowsAnyAsync<SocketException>(() => Client.NameAsync(vip, Token));
        Assert.Equal("ping", await open.EchoAsync("ping", Token));
        Assert.Empty(await _plane.ReadCountersAsync(Token));
    }

    [Fact(Timeout = Timeout)]
    public async Task Udp_RoundTrips_AndAFlowStaysOnItsServer()
    {
        await using var first = new UdpNameServer("u1");
        await using var second = new UdpNameServer("u2");
        var vip = FreeVip(udp: true);
        var plan = Plan(vip, SchedulerAlgorithm.RoundRobin, [(first.Endpoint, 1), (second.Endpoint, 1)], TransportProtocol.Udp);
        await _plane.ApplyAsync([plan], Token);

        using var one = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var two = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.Equal("u1:hello", await AskAsync(one, vip, "hello"));
        Assert.Equal("u1:again", await AskAsync(one, vip, "again"));
        Assert.Equal("u2:other", await AskAsync(two, vip, "other"));

        var counters = await _plane.ReadCountersAsync(Token);
        var u1 = counters.Single(c => c.Server.Port == first.Endpoint.Port);
        Assert.Equal((1L, 0L, 1L, 2L, 2L), (u1.Connections, u1.ActiveConnections, u1.InactiveConnections, u1.PacketsIn, u1.PacketsOut));
    }

    [Fact(Timeout = Timeout)]
    public async Task UdpOnePacketScheduling_SchedulesEachDatagram()
    {
        await using var first = new UdpNameServer("u1");
        await using var second = new UdpNameServer("u2");
        var vip = FreeVip(udp: true);
        var plan = Plan(vip, SchedulerAlgorithm.RoundRobin, [(first.Endpoint, 1), (second.Endpoint, 1)], TransportProtocol.Udp);
        plan = plan with { Service = plan.Service with { OnePacketScheduling = true } };
        await _plane.ApplyAsync([plan], Token);

        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.Equal("u1:1", await AskAsync(client, vip, "1"));
        Assert.Equal("u2:2", await AskAsync(client, vip, "2"));
        Assert.Equal("u1:3", await AskAsync(client, vip, "3"));
    }

    private static UserspaceDataPlaneProvider Provider(bool splice = true) =>
        new(TimeProvider.System, NullLoggerFactory.Instance)
        {
            Settings = ForwarderSettings.Default with { ConnectTimeout = TimeSpan.FromSeconds(5), UseSplice = splice },
        };

    private static IPEndPoint FreeVip(bool udp = false)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, udp ? SocketType.Dgram : SocketType.Stream, udp ? ProtocolType.Udp : ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    private static ServicePlan Plan(IPEndPoint vip, SchedulerAlgorithm algorithm, (IPEndPoint Server, int Weight)[] servers, TransportProtocol protocol = TransportProtocol.Tcp)
    {
        var key = VirtualServerKey.ForEndpoint(vip.Address, vip.Port, protocol);
        var reals = servers.Select(s => new RealServerDefinition(new RealServerKey(s.Server.Address, s.Server.Port), s.Weight, false, ForwardingMethod.Nat, 0, null)).ToList();
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key], Protocol = protocol, Algorithm = algorithm, RealServers = reals };
        return new ServicePlan(service, reals.Select(r => new BackendPlan(r.Key, r.Weight, ForwardingMethod.Nat)).ToList());
    }

    private static ServicePlan Plan(IPEndPoint vip, SchedulerAlgorithm algorithm, (NameServer Server, int Weight)[] servers) =>
        Plan(vip, algorithm, servers.Select(s => (s.Server.Endpoint, s.Weight)).ToArray());

    /// <summary>Bytes read before the forwarder closed or reset the connection (it may reset before the connect completes).</summary>
    private async Task<int> ConnectAndReadAsync(IPEndPoint vip)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(vip, Token);
            return await tcp.GetStream().ReadAsync(new byte[1], Token);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return 0;
        }
    }

    private (IPEndPoint, int)[] Weights(params int[] weights) =>
        weights.Select((w, i) => (_servers[i].Endpoint, w)).ToArray();

    private async Task<List<string>> NamesAsync(IPEndPoint vip, int count, string? source = null)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            names.Add(await Client.NameAsync(vip, Token, source));
        }

        return names;
    }

    private async Task<string> AskAsync(UdpClient client, IPEndPoint vip, string text)
    {
        await client.SendAsync(Encoding.ASCII.GetBytes(text), vip, Token);
        var reply = await client.ReceiveAsync(Token);
        return Encoding.ASCII.GetString(reply.Buffer);
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            await Task.Delay(20, Token);
        }
    }
}
