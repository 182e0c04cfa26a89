using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Events;
using Vigil.Host.Events;
using Vigil.Host.Metrics;

namespace Vigil.Host.Tests.Events;

/// <summary>Handler failures and overflow drops are counted, per subscriber.</summary>
public sealed class EventBusMetricsTests
{
    [Fact]
    public async Task FailuresAndDrops_AreCountedPerSubscriber()
    {
        using var meter = new HostMeter();
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var subscriber = tags.ToArray().FirstOrDefault(t => t.Key == "subscriber").Value;
            totals.AddOrUpdate($"{instrument.Name}/{subscriber}", value, (_, v) => v + value);
        });
        listener.Start();
        await using var bus = new EventBus(NullLogger<EventBus>.Instance, TimeProvider.System, meter);
        var gate = new TaskCompletionSource();
        bus.Subscribe<VrrpStateChanged>("thrower", (_, _) => throw new InvalidOperationException("boom"));
        bus.Subscribe<VrrpStateChanged>("stuck", (_, _) => gate.Task, new SubscriptionOptions { Capacity = 1 });

        for (var i = 0; i < 5; i++)
        {
            bus.Publish(new VrrpStateChanged("VI_1", "eth0", 14, VrrpState.Backup, VrrpState.Master, "test", 100, 100) { Source = "vrrp" });
        }

        gate.SetResult();
        await bus.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, totals["vigil_bus_handler_failures/thrower"]);
        Assert.InRange(totals["vigil_bus_events_dropped/stuck"], 3, 4);
        Assert.False(totals.ContainsKey("vigil_bus_events_dropped/thrower"));
    }
}
