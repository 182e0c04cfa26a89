using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Host.Events;
using Vigil.Host.Metrics;
using Vigil.Host.State;

namespace Vigil.Host.Tests.State;

public sealed class ClusterStateStoreTests : IAsyncLifetime
{
    private static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.1.0.93 80");
    private static readonly RealServerKey Rs = RealServerKey.Parse("10.1.0.69 80");
    private static readonly StateKey<RealServerHealth> RsKey = StateKeys.RealServerHealth(Vs, Rs);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HostMeter _meter = new();
    private ClusterStateStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new ClusterStateStore(NullLogger<ClusterStateStore>.Instance, _time, _meter);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _meter.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Burst_TenThousandUnrelatedEventsAndSlowConsumer_LastRealServerStateIsNeverLost()
    {
        await using var bus = new EventBus(NullLogger<EventBus>.Instance, _time, _meter);
        var busHandled = 0;
        var published = 0;
        using var busSubscription = bus.Subscribe<ClusterEvent>("slow", async (_, ct) =>
        {
            Interlocked.Increment(ref busHandled);
            await Task.Delay(1, ct);
        });
        RealServerHealth? seen = null;
        long seenVersion = 0;
        using var watch = _store.Watch("slow", async (snapshot, ct) =>
        {
            await Task.Delay(1, ct);
            seen = snapshot.Get(RsKey)?.Value;
            Volatile.Write(ref seenVersion, snapshot.Version);
        });

        for (var i = 0; i < 10_000; i++)
        {
            if (i % 500 == 0)
            {
                var up = i != 5_000;
                _store.Set(RsKey, new RealServerHealth(Vs, Rs, up, 1, "HTTP_GET", up ? "ok" : "timeout"), "checkers");
                bus.Publish(new RealServerStateChanged(Vs, Rs, up, "HTTP_GET", up ? "ok" : "timeout"));
                published++;
                if (!up)
                {
                    // The real server's last word: it stays down while the burst goes on.
                    break;
                }
            }

            bus.Publish(new VrrpStateChanged("VI_" + i, "eth0", 51, VrrpState.Backup, VrrpState.Master, "burst", 100, 100));
            published++;
        }

        for (var i = 0; i < 10_000; i++)
        {
            bus.Publish(new VrrpStateChanged("VI_tail" + i, "eth0", 52, VrrpState.Backup, VrrpState.Master, "burst", 100, 100));
            published++;
        }

        await UntilAsync(() => Volatile.Read(ref seenVersion) == _store.Current.Version);
        Assert.NotNull(seen);
        Assert.False(seen.Up);
        Assert.Equal("timeout", seen.Reason);
        // The bus consumer is far behind (and its bounded queue dropped most of the burst), yet the state is current.
        Assert.True(Volatile.Read(ref busHandled) < published / 2, $"the bus consumer handled {busHandled} of {published}");
    }

    [Fact]
    public async Task Watch_StartedAfterThePublisher_SeesTheCurrentStateAtOnce()
    {
        _store.Set(StateKeys.VrrpInstance("VI_1"), new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Master, 100, 100), "vrrp");
        _store.Set(RsKey, new RealServerHealth(Vs, Rs, false, 1, "TCP_CHECK", "connection refused"), "checkers");
        var first = new TaskCompletionSource<IStateSnapshot>();

        using var watch = _store.Watch("late", (snapshot, _) =>
        {
            first.TrySetResult(snapshot);
            return Task.CompletedTask;
        });

        var snapshot = await first.Task.WaitAsync(Bound);
        Assert.Equal(VrrpState.Master, snapshot.Get(StateKeys.VrrpInstance("VI_1"))!.Value.State);
        Assert.False(snapshot.Get(RsKey)!.Value.Up);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public async Task Watch_ThrowingReader_DoesNotStopOthers_AndIsCalledAgainAfterItsRetryDelay()
    {
        var thrower = 0;
        var good = new ConcurrentQueue<bool>();
        using var bad = _store.Watch("bad", (_, _) =>
        {
            Interlocked.Increment(ref thrower);
            throw new InvalidOperationException("reader bug");
        });
        using var ok = _store.Watch("good", (snapshot, _) =>
        {
            if (snapshot.Get(RsKey) is { } entry)
            {
                good.Enqueue(entry.Value.Up);
            }

            return Task.CompletedTask;
        });
        await UntilAsync(() => Volatile.Read(ref thrower) == 1);

        _store.Set(RsKey, new RealServerHealth(Vs, Rs, true, 1, "TCP_CHECK", "ok"), "checkers");
        await UntilAsync(() => good.Contains(true));
        _store.Set(RsKey, new RealServerHealth(Vs, Rs, false, 1, "TCP_CHECK", "timeout"), "checkers");
        await UntilAsync(() => good.Contains(false));
        var before = Volatile.Read(ref thrower);
        _time.Advance(TimeSpan.FromSeconds(1));

        await UntilAsync(() => Volatile.Read(ref thrower) > before);
        Assert.Equal([true, false], good.ToArray());
    }

    [Fact]
    public async Task Set_EqualValue_KeepsTheVersion_AndWakesNobody()
    {
        var calls = 0;
        var value = new RealServerHealth(Vs, Rs, true, 3, "MISC_CHECK", "ok");
        var version = _store.Set(RsKey, value, "checkers");
        using var watch = _store.Watch("counter", (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        await UntilAsync(() => Volatile.Read(ref calls) == 1);

        var again = _store.Set(RsKey, value with { }, "checkers");
        _store.Set(StateKeys.RealServerHealth(Vs, RealServerKey.Parse("10.1.0.70 80")), value, "checkers");
        await UntilAsync(() => Volatile.Read(ref calls) == 2);
        await Task.Delay(100);

        Assert.Equal(version, again);
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Watch_WithTypes_IsNotWokenByOtherTypes()
    {
        var calls = new ConcurrentQueue<long>();
        using var watch = _store.Watch(
            "health-only",
            (snapshot, _) =>
            {
                calls.Enqueue(snapshot.Version);
                return Task.CompletedTask;
            },
            new StateWatchOptions { Types = [typeof(RealServerHealth)] });
        await UntilAsync(() => calls.Count == 1);

        _store.Set(StateKeys.VrrpInstance("VI_1"), new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Backup, 100, 100), "vrrp");
        await Task.Delay(100);
        Assert.Single(calls);

        _store.Set(RsKey, new RealServerHealth(Vs, Rs, true, 1, "TCP_CHECK", "ok"), "checkers");
        await UntilAsync(() => calls.Count == 2);
        Assert.Equal([0L, 2L], calls.ToArray());
    }

    [Fact]
    public void Snapshot_TakenBeforeAWrite_StaysAsItWas()
    {
        _store.Set(RsKey, new RealServerHealth(Vs, Rs, true, 1, "TCP_CHECK", "ok"), "checkers");
        var before = _store.Current;

        _store.Set(RsKey, new RealServerHealth(Vs, Rs, false, 1, "TCP_CHECK", "timeout"), "checkers");
        _store.Set(StateKeys.RealServerOverride(Vs, Rs), new RealServerOverride(Vs, Rs, true, null, "rollout"), "ipvs");

        Assert.True(before.Get(RsKey)!.Value.Up);
        Assert.Null(before.Get(StateKeys.RealServerOverride(Vs, Rs)));
        Assert.Equal(1, before.Version);
        Assert.False(_store.Current.Get(RsKey)!.Value.Up);
        Assert.Equal(3, _store.Current.Version);
    }

    [Fact]
    public void Entries_OfOneType_ComeInKeyOrder_AndKeysOfOtherTypesNeverCollide()
    {
        var other = RealServerKey.Parse("10.1.0.70 80");
        _store.Set(StateKeys.RealServerHealth(Vs, other), new RealServerHealth(Vs, other, true, 1, "TCP_CHECK", "ok"), "checkers");
        _store.Set(RsKey, new RealServerHealth(Vs, Rs, true, 1, "TCP_CHECK", "ok"), "checkers");
        _store.Set(StateKeys.RealServerOverride(Vs, Rs), new RealServerOverride(Vs, Rs, true, 0, "drain"), "ipvs");

        var health = _store.Current.All<RealServerHealth>();

        Assert.Equal([Rs, other], health.Select(e => e.Value.RealServer));
        Assert.Single(_store.Current.All<RealServerOverride>());
        Assert.Equal(RsKey.Id, StateKeys.RealServerOverride(Vs, Rs).Id);
        Assert.Equal("checkers", _store.Current.Get(RsKey)!.Source);
    }

    [Fact]
    public async Task Remove_DeletesTheEntry_AndWakesReaders()
    {
        _store.Set(RsKey, new RealServerHealth(Vs, Rs, true, 1, "TCP_CHECK", "ok"), "checkers");
        var seen = new ConcurrentQueue<bool>();
        using var watch = _store.Watch("r", (snapshot, _) =>
        {
            seen.Enqueue(snapshot.Get(RsKey) is not null);
            return Task.CompletedTask;
        });
        await UntilAsync(() => seen.Count == 1);

        Assert.True(_store.Remove(RsKey));
        Assert.False(_store.Remove(RsKey));

        await UntilAsync(() => seen.Count == 2);
        Assert.Equal([true, false], seen.ToArray());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
