using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

public class IpvsChangePlanTests
{
    private static readonly IpvsServiceSettings Wlc = new("wlc", 0, 0, 0xffffffff);
    private static readonly IpvsServiceSettings Sh = new("sh", 0x19, 300, 0xffffffff);

    private static readonly VirtualServerKey[] Keys = [Vs("10.0.0.1:80"), Vs("10.0.0.2:80"), Vs("10.0.0.3:443/udp"), VirtualServerKey.ForFwmark(5)];
    private static readonly RealServerKey[] Servers = [.. Enumerable.Range(1, 5).Select(i => Rs($"10.0.1.{i}:80"))];

    [Fact]
    public void Between_NewService_CreatesItThenAddsDestinationsLastFirst()
    {
        var service = new IpvsService(Keys[0], Wlc, [D(1, 1), D(2, 1), D(3, 1)]);

        var steps = IpvsChangePlan.Between(Empty, [service]);

        Assert.Equal(
            [
                new IpvsStep(IpvsChange.NewService, Keys[0], Wlc),
                new IpvsStep(IpvsChange.NewDestination, Keys[0], Destination: D(3, 1)),
                new IpvsStep(IpvsChange.NewDestination, Keys[0], Destination: D(2, 1)),
                new IpvsStep(IpvsChange.NewDestination, Keys[0], Destination: D(1, 1)),
            ],
            steps);

        // IPVS prepends each destination, so the kernel's list (which rr walks) reads in configuration order.
        Assert.Equal(service, Apply(Empty, steps)[Keys[0]]);
    }

    [Fact]
    public void Between_NothingChanged_IsNoStep()
    {
        var service = new IpvsService(Keys[0], Wlc, [D(1, 1), D(2, 0)]);

        Assert.Empty(IpvsChangePlan.Between(State(service), [service with { Destinations = [D(2, 0), D(1, 1)] }]));
    }

    [Fact]
    public void Between_SettingsChanged_IsSetServiceAlone()
    {
        var before = new IpvsService(Keys[0], Wlc, [D(1, 1)]);

        var steps = IpvsChangePlan.Between(State(before), [before with { Settings = Sh }]);

        Assert.Equal([new IpvsStep(IpvsChange.SetService, Keys[0], Sh)], steps);
    }

    [Fact]
    public void Between_ServerReplaced_AddsTheNewBeforeRemovingTheOld()
    {
        var before = new IpvsService(Keys[0], Wlc, [D(1, 1)]);

        var steps = IpvsChangePlan.Between(State(before), [before with { Destinations = [D(2, 1)] }]);

        Assert.Equal(
            [
                new IpvsStep(IpvsChange.NewDestination, Keys[0], Destination: D(2, 1)),
                new IpvsStep(IpvsChange.DeleteDestination, Keys[0], Destination: D(1, 1)),
            ],
            steps);
    }

    [Fact]
    public void Between_SorryServerTakesOver_RaisesItsWeightBeforeLoweringTheOther()
    {
        var before = new IpvsService(Keys[0], Wlc, [D(1, 1), D(2, 0)]);

        var steps = IpvsChangePlan.Between(State(before), [before with { Destinations = [D(1, 0), D(2, 1)] }]);

        Assert.Equal(
            [
                new IpvsStep(IpvsChange.SetDestination, Keys[0], Destination: D(2, 1)),
                new IpvsStep(IpvsChange.SetDestination, Keys[0], Destination: D(1, 0)),
            ],
            steps);
    }

    [Fact]
    public void Between_ForwardingMethodChanged_IsSetDestination()
    {
        var before = new IpvsService(Keys[0], Wlc, [D(1, 1)]);
        var dr = new IpvsDestination(Servers[0], 3, 1);

        Assert.Equal([new IpvsStep(IpvsChange.SetDestination, Keys[0], Destination: dr)], IpvsChangePlan.Between(State(before), [before with { Destinations = [dr] }]));
    }

    [Fact]
    public void Between_ServiceMoved_CreatesTheNewOneBeforeRemovingTheOld()
    {
        var old = new IpvsService(Keys[0], Wlc, [D(1, 1)]);

        var steps = IpvsChangePlan.Between(State(old), [old with { Key = Keys[1] }]);

        Assert.Equal(
            [
                new IpvsStep(IpvsChange.NewService, Keys[1], Wlc),
                new IpvsStep(IpvsChange.NewDestination, Keys[1], Destination: D(1, 1)),
                new IpvsStep(IpvsChange.DeleteService, Keys[0]),
            ],
            steps);
    }

    [Fact]
    public void Inverse_OfEachChange_RestoresTheStateBefore()
    {
        var before = State(new IpvsService(Keys[0], Wlc, [D(1, 1), D(2, 0)]));
        IpvsStep[] steps =
        [
            new(IpvsChange.NewService, Keys[1], Sh),
            new(IpvsChange.SetService, Keys[0], Sh),
            new(IpvsChange.DeleteService, Keys[0]),
            new(IpvsChange.NewDestination, Keys[0], Destination: D(3, 2)),
            new(IpvsChange.SetDestination, Keys[0], Destination: D(2, 5)),
            new(IpvsChange.DeleteDestination, Keys[0], Destination: D(1, 1)),
        ];

        Assert.All(steps, step => Assert.Equal(Normal(before), Normal(Apply(step.ApplyTo(before), step.Inverse(before)))));
    }

    [Fact]
    public void Inverse_OfDeleteService_RecreatesTheDestinationsInTheirKernelOrder()
    {
        var before = State(new IpvsService(Keys[0], Wlc, [D(1, 1), D(2, 0), D(3, 4)]));
        var step = new IpvsStep(IpvsChange.DeleteService, Keys[0]);

        Assert.Equal(before[Keys[0]], Apply(step.ApplyTo(before), step.Inverse(before))[Keys[0]]);
    }

    [Fact]
    public void ToString_NamesTheChange()
    {
        Assert.Equal("add IPVS service 10.0.0.1:80/tcp (sh, flags 0x19, timeout 300 s, netmask 0xffffffff)", new IpvsStep(IpvsChange.NewService, Keys[0], Sh).ToString());
        Assert.Equal("set real server 10.0.1.1:80 (weight 2, DR) of IPVS service fwmark:5", new IpvsStep(IpvsChange.SetDestination, Keys[3], Destination: new IpvsDestination(Servers[0], 3, 2)).ToString());
        Assert.Equal("remove real server 10.0.1.2:80 from IPVS service 10.0.0.1:80/tcp", new IpvsStep(IpvsChange.DeleteDestination, Keys[0], Destination: D(2, 1)).ToString());
        Assert.Equal("add real server 10.0.1.3:80 (weight 1, NAT) to IPVS service 10.0.0.1:80/tcp", new IpvsStep(IpvsChange.NewDestination, Keys[0], Destination: D(3, 1)).ToString());
        Assert.Equal("remove IPVS service 10.0.0.1:80/tcp", new IpvsStep(IpvsChange.DeleteService, Keys[0]).ToString());
    }

    [Property(MaxTest = 1000)]
    public Property Between_Applied_GivesWhatIsWanted() =>
        Prop.ForAll(States().ToArbitrary(), Wanted().ToArbitrary(), (programmed, wanted) =>
            Normal(Apply(programmed, IpvsChangePlan.Between(programmed, wanted))).SequenceEqual(Normal(State([.. wanted]))));

    [Property(MaxTest = 1000)]
    public Property Between_AfterApplying_IsNoStep() =>
        Prop.ForAll(States().ToArbitrary(), Wanted().ToArbitrary(), (programmed, wanted) =>
            IpvsChangePlan.Between(Apply(programmed, IpvsChangePlan.Between(programmed, wanted)), wanted).Count == 0);

    /// <summary>
    /// A service that serves (some positive weight) before and after the change serves in every state between two
    /// requests, and is never removed.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Between_NeverLeavesAKeptServiceWithoutAServer() =>
        Prop.ForAll(States().ToArbitrary(), Wanted().ToArbitrary(), (programmed, wanted) =>
        {
            var serving = wanted
                .Where(s => Serves(s) && programmed.TryGetValue(s.Key, out var was) && Serves(was))
                .Select(s => s.Key)
                .ToList();
            var state = programmed;
            foreach (var step in IpvsChangePlan.Between(programmed, wanted))
            {
                state = step.ApplyTo(state);
                if (serving.Any(k => !state.TryGetValue(k, out var now) || !Serves(now)))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 1000)]
    public Property Inverse_OfAnyPrefix_RestoresWhatWasProgrammed() =>
        Prop.ForAll(States().ToArbitrary(), Wanted().ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (programmed, wanted, cut) =>
        {
            var steps = IpvsChangePlan.Between(programmed, wanted);
            var done = new List<(IpvsStep, ImmutableDictionary<VirtualServerKey, IpvsService>)>();
            var state = programmed;
            foreach (var step in steps.Take(steps.Count == 0 ? 0 : cut % (steps.Count + 1)))
            {
                done.Add((step, state));
                state = step.ApplyTo(state);
            }

            for (var i = done.Count - 1; i >= 0; i--)
            {
                state = Apply(state, done[i].Item1.Inverse(done[i].Item2));
            }

            return Normal(state).SequenceEqual(Normal(programmed));
        });

    internal static ImmutableDictionary<VirtualServerKey, IpvsService> Empty => ImmutableDictionary<VirtualServerKey, IpvsService>.Empty;

    internal static ImmutableDictionary<VirtualServerKey, IpvsService> State(params IpvsService[] services) =>
        services.ToImmutableDictionary(s => s.Key);

    internal static ImmutableDictionary<VirtualServerKey, IpvsService> Apply(ImmutableDictionary<VirtualServerKey, IpvsService> state, IEnumerable<IpvsStep> steps) =>
        steps.Aggregate(state, (s, step) => step.ApplyTo(s));

    /// <summary>A state compared as IPVS compares it: destinations as a set, whatever their list order.</summary>
    internal static IEnumerable<string> Normal(ImmutableDictionary<VirtualServerKey, IpvsService> state) =>
        state.Values
            .Select(s => $"{s.Key} {s.Settings} [{string.Join(", ", s.Destinations.Select(d => d.ToString()).Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal);

    private static bool Serves(IpvsService service) => service.Destinations.Any(d => d.Weight > 0);

    private static IpvsDestination D(int server, uint weight) => new(Servers[server - 1], 0, weight);

    private static Gen<IpvsService> Services(VirtualServerKey key) =>
        from settings in Gen.Elements(Wlc, Sh)
        from servers in Gen.SubListOf(Servers)
        from weights in Gen.ArrayOf(Gen.Choose(0, 3), servers.Count)
        from methods in Gen.ArrayOf(Gen.Elements(0u, 3u), servers.Count)
        select new IpvsService(key, settings, [.. servers.Select((s, i) => new IpvsDestination(s, methods[i], (uint)weights[i]))]);

    private static Gen<IReadOnlyList<IpvsService>> Wanted() =>
        Gen.SubListOf(Keys)
            .SelectMany(keys => keys.Aggregate(
                Gen.Constant(ImmutableList<IpvsService>.Empty),
                (services, key) => from list in services from service in Services(key) select list.Add(service)))
            .Select(services => (IReadOnlyList<IpvsService>)services);

    private static Gen<ImmutableDictionary<VirtualServerKey, IpvsService>> States() => Wanted().Select(s => State([.. s]));
}
