using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;
using Vigil.Host.Events;
using Vigil.Host.Metrics;

namespace Vigil.Host.Tests.Events;

public sealed class EventBusTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly HostMeter _meter = new();
    private EventBus _bus = null!;

    public Task InitializeAsync()
    {
        _bus = new EventBus(NullLogger<EventBus>.Instance, _time, _meter);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _meter.Dispose();
    }

    [Fact]
    public async Task Publish_StateSequence_ReachesEverySubscriberInOrder()
    {
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<VrrpState>>();
        foreach (var name in new[] { "ipvs", "notify", "pxe" })
        {
            var queue = seen.GetOrAdd(name, _ => new ConcurrentQueue<VrrpState>());
            _bus.Subscribe<VrrpStateChanged>(name, async (e, _) =>
            {
                await Task.Yield();
                queue.Enqueue(e.NewState);
            });
        }

        var sequence = Enumerable.Range(0, 300).Select(i => (i % 3) switch { 0 => VrrpState.Backup, 1 => VrrpState.Master, _ => VrrpState.Fault }).ToList();
        foreach (var state in sequence)
        {
            _bus.Publish(Changed(state));
        }

        await _bus.DrainAsync(TimeSpan.FromSeconds(10));
        Assert.All(seen.Values, q => Assert.Equal(sequence, q));
    }

    [Fact]
    public async Task Publish_ThrowingSubscriber_OthersStillReceiveEverything_AndItGoesOn()
    {
        var good = new ConcurrentQueue<VrrpState>();
        var badCalls = 0;
        _bus.Subscribe<VrrpStateChanged>("bad", (_, _) =>
        {
            Interlocked.Increment(ref badCalls);
            throw new InvalidOperationException("boom");
        });
        _bus.Subscribe<VrrpStateChanged>("good", (e, _) =>
        {
            good.Enqueue(e.NewState);
            return Task.CompletedTask;
        });

        _bus.Publish(Changed(VrrpState.Backup));
        _bus.Publish(Changed(VrrpState.Master));
        _bus.Publish(Changed(VrrpState.Backup));
        await _bus.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([VrrpState.Backup, VrrpState.Master, VrrpState.Backup], good);
        Assert.Equal(3, badCalls);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_DoesNotDelayAnother()
    {
        var release = new TaskCompletionSource();
        var fastDone = new TaskCompletionSource();
        _bus.Subscribe<VrrpStateChanged>("slow", (_, _) => release.Task);
        _bus.Subscribe<VrrpStateChanged>("fast", (_, _) =>
        {
            fastDone.TrySetResult();
            return Task.CompletedTask;
        });

        _bus.Publish(Changed(VrrpState.Master));

        await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
    }

    [Theory]
    [InlineData(OverflowPolicy.DropOldest, new[] { 0, 8, 9, 10 })]
    [InlineData(OverflowPolicy.DropNewest, new[] { 0, 1, 2, 3 })]
    public async Task Publish_FullQueue_DropsByPolicy(OverflowPolicy policy, int[] expected)
    {
        var gate = new TaskCompletionSource();
        var seen = new ConcurrentQueue<int>();
        var first = true;
        _bus.Subscribe<VrrpStateChanged>(
            "bounded",
            async (e, _) =>
            {
                if (first)
                {
                    first = false;
                    await gate.Task;
                }

                seen.Enqueue(e.Priority);
            },
            new SubscriptionOptions { Capacity = 3, Overflow = policy });

        _bus.Publish(Changed(VrrpState.Master, priority: 0));
        await WaitUntil(() => !first);
        for (var p = 1; p <= 10; p++)
        {
            _bus.Publish(Changed(VrrpState.Master, priority: p));
        }

        gate.SetResult();
        await _bus.DrainAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Publish_StampsTimestamp_AndKeepsSource_AndBaseTypeSubscribersSeeDerivedEvents()
    {
        var seen = new ConcurrentQueue<ClusterEvent>();
        _bus.Subscribe<ClusterEvent>("all", (e, _) =>
        {
            seen.Enqueue(e);
            return Task.CompletedTask;
        });

        _bus.Publish(Changed(VrrpState.Master));
        _bus.Publish(new RealServerStateChanged(VirtualServerKey.Parse("10.1.0.93 80"), RealServerKey.Parse("10.1.0.69 80"), false, "HTTP_GET", "connect timeout") { Source = "checkers" });
        await _bus.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Collection(
            seen,
            e => Assert.Equal(("vrrp", _time.GetUtcNow()), (e.Source, e.Timestamp)),
            e => Assert.Equal(("checkers", _time.GetUtcNow()), (e.Source, e.Timestamp)));
    }

    [Fact]
    public async Task FlushAsync_WaitsUntilEarlierEventsAreHandled_AndBusStaysOpen()
    {
        var handled = new ConcurrentQueue<VrrpState>();
        _bus.Subscribe<VrrpStateChanged>("slow", async (e, _) =>
        {
            await Task.Delay(50);
            handled.Enqueue(e.NewState);
        });

        _bus.Publish(Changed(VrrpState.Master));
        _bus.Publish(Changed(VrrpState.Stop));
        await _bus.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([VrrpState.Master, VrrpState.Stop], handled);
        _bus.Publish(Changed(VrrpState.Backup));
        await _bus.DrainAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([VrrpState.Master, VrrpState.Stop, VrrpState.Backup], handled);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        var count = 0;
        var subscription = _bus.Subscribe<VrrpStateChanged>("gone", (_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        });
        subscription.Dispose();

        _bus.Publish(Changed(VrrpState.Master));
        await _bus.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, count);
    }

    private static VrrpStateChanged Changed(VrrpState state, int priority = 100) =>
        new("VI_1", "eth0", 14, VrrpState.Init, state, "test", priority, priority) { Source = "vrrp" };

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
