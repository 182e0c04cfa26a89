using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;
using static Vigil.Ipvs.Tests.DataPlanes.Ipvs.IpvsChangePlanTests;
using static Vigil.Ipvs.Tests.Engine.Defs;
using static Vigil.Plugins.Ipvs.DataPlanes.Ipvs.IpvsConstants;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

public sealed class IpvsDataPlaneTests : IAsyncDisposable
{
    private static readonly IpvsServiceSettings Wlc = new("wlc", 0, 0, 0xffffffff);

    private readonly FakeIpvsKernel _kernel = new();
    private readonly IpvsDataPlane _plane;

    public IpvsDataPlaneTests() => _plane = new IpvsDataPlane(_kernel, NullLogger<IpvsDataPlane>.Instance);

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    [Fact]
    public async Task Apply_NewService_CreatesItThenItsServers()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1), ("10.0.1.2:80", 2))], default);

        Assert.Equal(
            ["NEW_SERVICE 10.0.0.1:80/tcp", "NEW_DEST 10.0.0.1:80/tcp 10.0.1.2:80 w2", "NEW_DEST 10.0.0.1:80/tcp 10.0.1.1:80 w1"],
            _kernel.Requests);
        Assert.Equal(new IpvsService(Vs("10.0.0.1:80"), Wlc, [D("10.0.1.1:80", 1), D("10.0.1.2:80", 2)]), _kernel.State[Vs("10.0.0.1:80")]);
        Assert.Equal(_kernel.State, _plane.Programmed);
    }

    [Fact]
    public async Task Apply_SameStateAgain_SendsNothing()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1))], default);
        _kernel.Requests.Clear();

        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1))], default);

        Assert.Empty(_kernel.Requests);
    }

    [Fact]
    public async Task Apply_Changes_SendOnlyTheDifferenceInASafeOrder()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1), ("10.0.1.2:80", 1)), Plan("10.0.0.9:80", ("10.0.1.1:80", 1))], default);
        _kernel.Requests.Clear();

        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.2:80", 3), ("10.0.1.3:80", 1)), Plan("10.0.0.2:80", ("10.0.1.1:80", 1))], default);

        Assert.Equal(
            [
                "NEW_SERVICE 10.0.0.2:80/tcp",
                "NEW_DEST 10.0.0.2:80/tcp 10.0.1.1:80 w1",
                "NEW_DEST 10.0.0.1:80/tcp 10.0.1.3:80 w1",
                "SET_DEST 10.0.0.1:80/tcp 10.0.1.2:80 w3",
                "DEL_DEST 10.0.0.1:80/tcp 10.0.1.1:80 w0",
                "DEL_SERVICE 10.0.0.9:80/tcp",
            ],
            _kernel.Requests);
        Assert.Equal(Normal(_kernel.State), Normal(_plane.Programmed));
    }

    [Fact]
    public async Task Apply_SettingsChanged_IsSetService()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1))], default);
        _kernel.Requests.Clear();

        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1)) with { Service = Service("10.0.0.1:80") with { Algorithm = SchedulerAlgorithm.RoundRobin } }], default);

        Assert.Equal(["SET_SERVICE 10.0.0.1:80/tcp"], _kernel.Requests);
        Assert.Equal("rr", _kernel.State[Vs("10.0.0.1:80")].Settings.Scheduler);
    }

    [Fact]
    public async Task Apply_KernelRefuses_UndoesTheApplyAndThrowsWithTheErrno()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1))], default);
        var before = _kernel.State;
        _kernel.Refuse = (command, _, server) => command == IPVS_CMD_NEW_DEST && server == Rs("10.0.1.3:80") ? Errno.EINVAL : 0;

        var e = await Assert.ThrowsAsync<DataPlaneException>(() =>
            _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.2:80", 1)), Plan("10.0.0.2:80", ("10.0.1.3:80", 1))], default));

        Assert.StartsWith("add real server 10.0.1.3:80 (weight 1, NAT) to IPVS service 10.0.0.2:80/tcp failed: EINVAL", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("the 1 change(s) before it in this apply were undone", e.Message, StringComparison.Ordinal);
        Assert.Equal(Normal(before), Normal(_kernel.State));
        Assert.Equal(Normal(before), Normal(_plane.Programmed));
    }

    [Fact]
    public async Task Apply_UndoRefusedToo_KeepsTheModelEqualToTheKernelAndTheNextApplyConverges()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1))], default);
        _kernel.Refuse = (command, _, _) => command == IPVS_CMD_DEL_DEST ? Errno.EINVAL : 0;

        var e = await Assert.ThrowsAsync<DataPlaneException>(() => _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.2:80", 1))], default));

        Assert.Contains("undoing the changes before it failed too", e.Message, StringComparison.Ordinal);
        Assert.Equal(Normal(_kernel.State), Normal(_plane.Programmed));
        Assert.Equal(2, _kernel.State[Vs("10.0.0.1:80")].Destinations.Count);

        _kernel.Refuse = (_, _, _) => 0;
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.2:80", 1))], default);

        Assert.Equal([D("10.0.1.2:80", 1)], _kernel.State[Vs("10.0.0.1:80")].Destinations);
    }

    [Fact]
    public async Task Apply_ServiceTheKernelAlreadyHas_IsAdoptedAndCorrectedAndOthersAreLeftAlone()
    {
        _kernel.Add(Vs("10.0.0.1:80"), new IpvsServiceSettings("rr", 0, 0, 0xffffffff), D("10.0.1.1:80", 5), D("10.0.1.9:80", 1));
        _kernel.Add(Vs("192.0.2.1:80"), Wlc, D("192.0.2.10:80", 1));

        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 5), ("10.0.1.2:80", 1))], default);

        Assert.Equal(
            ["SET_SERVICE 10.0.0.1:80/tcp", "NEW_DEST 10.0.0.1:80/tcp 10.0.1.2:80 w1", "DEL_DEST 10.0.0.1:80/tcp 10.0.1.9:80 w0"],
            _kernel.Requests);
        Assert.Equal(Wlc, _kernel.State[Vs("10.0.0.1:80")].Settings);
        Assert.Equal([D("192.0.2.10:80", 1)], _kernel.State[Vs("192.0.2.1:80")].Destinations);
        Assert.False(_plane.Programmed.ContainsKey(Vs("192.0.2.1:80")));
    }

    [Fact]
    public async Task Apply_TwoVirtualServersOnOneKernelService_SendsNothingAndThrows()
    {
        var group = Plan("10.0.0.1:80") with { Service = Service("10.0.0.1:80") with { Key = VirtualServerKey.ForGroup("g") } };

        await Assert.ThrowsAsync<DataPlaneException>(() => _plane.ApplyAsync([Plan("10.0.0.1:80"), group], default));

        Assert.Empty(_kernel.Requests);
    }

    [Fact]
    public async Task Apply_Cancelled_SendsNothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _plane.ApplyAsync([Plan("10.0.0.1:80")], new CancellationToken(canceled: true)));

        Assert.Empty(_kernel.Requests);
    }

    [Fact]
    public async Task ReadCounters_ReportsEachServerUnderItsVirtualServer()
    {
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1), ("10.0.1.2:80", 0))], default);
        _kernel.Count(Vs("10.0.0.1:80"), Rs("10.0.1.1:80"), 3, 4, 1, 100, 1000, 900, 5_000_000_000, 7_000_000_000);

        var counters = await _plane.ReadCountersAsync(default);

        Assert.Equal(
            [
                new BackendCounters(Vs("10.0.0.1:80"), Rs("10.0.1.1:80"), 3, 4, 100, 1000, 900, 5_000_000_000, 7_000_000_000),
                new BackendCounters(Vs("10.0.0.1:80"), Rs("10.0.1.2:80"), 0, 0, 0, 0, 0, 0, 0),
            ],
            counters.OrderBy(c => c.Server.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadCounters_Group_SumsItsMembers()
    {
        var members = new[] { Vs("10.0.0.1:80"), Vs("10.0.0.2:80") };
        var group = Plan("10.0.0.1:80", ("10.0.1.1:80", 1)) with
        {
            Service = Service("10.0.0.1:80") with { Key = VirtualServerKey.ForGroup("web"), Endpoints = members },
        };
        await _plane.ApplyAsync([group], default);
        _kernel.Count(members[0], Rs("10.0.1.1:80"), 1, 2, 0, 10, 20, 30, 40, 50);
        _kernel.Count(members[1], Rs("10.0.1.1:80"), 4, 5, 0, 60, 70, 80, 90, 100);

        var counters = await _plane.ReadCountersAsync(default);

        Assert.Equal([new BackendCounters(VirtualServerKey.ForGroup("web"), Rs("10.0.1.1:80"), 5, 7, 70, 90, 110, 130, 150)], counters);
    }

    [Fact]
    public async Task Dispose_RemovesWhatItProgrammedOnly()
    {
        _kernel.Add(Vs("192.0.2.1:80"), Wlc);
        await _plane.ApplyAsync([Plan("10.0.0.1:80", ("10.0.1.1:80", 1)), Plan("fwmark:7", ("10.0.1.1:80", 1))], default);

        await _plane.DisposeAsync();
        await _plane.DisposeAsync();

        Assert.Equal([Vs("192.0.2.1:80")], _kernel.State.Keys);
        Assert.True(_kernel.Disposed);
    }

    [Fact]
    public void Unsupported_IsTheMappingsReason()
    {
        Assert.Null(_plane.Unsupported(Service("10.0.0.1:80", Real("10.0.1.1:80"))));
        Assert.NotNull(_plane.Unsupported(Service("10.0.0.1:80", Real("[2001:db8::1]:80"))));
        Assert.Equal("ipvs", _plane.Name);
    }

    private static ServicePlan Plan(string key, params (string Server, int Weight)[] servers) =>
        new(Service(key), [.. servers.Select(s => new BackendPlan(Rs(s.Server), s.Weight, ForwardingMethod.Nat))]);

    private static IpvsDestination D(string server, uint weight) => new(Rs(server), IP_VS_CONN_F_MASQ, weight);
}
