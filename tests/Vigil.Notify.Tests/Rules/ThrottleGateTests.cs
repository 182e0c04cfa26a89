using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Events;
using Vigil.Notify.Tests.Support;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Notify.Tests.Rules;

public sealed class ThrottleGateTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly List<DeliveryItem> _released = [];
    private readonly List<string> _suppressed = [];

    [Fact]
    public void Offer_FlappingServerWithCoalesce_SendsOneNotificationWithTheCount()
    {
        using var gate = Gate(new Throttle(TimeSpan.FromSeconds(5), null));

        for (var i = 0; i < 1000; i++)
        {
            gate.Offer(Events.RealServer("10.0.0.1 80", "10.0.0.2 80", up: i % 2 == 1));
        }

        Assert.Empty(_released);
        _time.Advance(TimeSpan.FromSeconds(5));

        var item = Assert.Single(_released);
        Assert.Equal(1000, item.Coalesced);
        Assert.True(((RealServerStateChanged)item.Event).Up);
        Assert.Equal(999, _suppressed.Count(s => s == "coalesced"));
    }

    [Fact]
    public void Offer_CoalesceKeysBySubject()
    {
        using var gate = Gate(new Throttle(TimeSpan.FromSeconds(5), null));

        gate.Offer(Events.RealServer("10.0.0.1 80", "10.0.0.2 80", up: false));
        gate.Offer(Events.RealServer("10.0.0.1 80", "10.0.0.3 80", up: false));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, _released.Count);
    }

    [Fact]
    public void Offer_RateLimit_DropsTheExcessAndCountsItIntoTheNextOne()
    {
        using var gate = Gate(new Throttle(null, new RateLimit(2, TimeSpan.FromSeconds(60))));

        for (var i = 0; i < 5; i++)
        {
            gate.Offer(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, _released.Count);
        _time.Advance(TimeSpan.FromSeconds(60));
        gate.Offer(Events.Vrrp("VI_1", VrrpState.Master, VrrpState.Backup));

        Assert.Equal(3, _released.Count);
        Assert.Equal(3, _released[^1].Suppressed);
    }

    [Fact]
    public void Offer_NoThrottle_ReleasesAtOnce()
    {
        using var gate = Gate(Throttle.None);

        gate.Offer(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));

        Assert.Single(_released);
    }

    private ThrottleGate Gate(Throttle throttle) => new(throttle, _time, _released.Add, _suppressed.Add);
}
