using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class SimulatedNetworkTests
{
    [Property(MaxTest = 200)]
    public Property Routers_ConvergeToOneMasterWithHighestPriorityAndAddress() => Prop.ForAll(
        Gen.NonEmptyListOf(Gen.Choose(1, 255)).Select(l => l.Take(6).ToList()).ToArbitrary(),
        Gen.Elements(VrrpVersion.V2, VrrpVersion.V3).ToArbitrary(),
        (priorities, version) =>
        {
            // Started together, equal priorities expire together and the address tie-break decides (RFC 3768 §6.4.3);
            // a backup never preempts an equal-priority master, so staggered starts could keep a lower address.
            // At most one address owner, as on a real network.
            var prios = priorities.Select((p, i) => p == 255 && priorities.IndexOf(255) != i ? 254 : p).ToList();
            var routers = prios.Select((p, i) => RouterHarness.Router((byte)p, $"10.0.0.{i + 1}", version)).ToList();
            var medium = new Queue<(VrrpRouter From, SendAdvertisement Advert)>();
            long now = 0;
            foreach (var r in routers)
            {
                Deliver(r, r.Start(now));
            }

            for (var round = 0; round < 2000 && now < 60_000; round++)
            {
                now = routers.Min(r => r.NextDeadline ?? long.MaxValue);
                foreach (var r in routers)
                {
                    Deliver(r, r.OnTimers(now));
                }

                while (medium.TryDequeue(out var sent))
                {
                    var packet = RouterHarness.Advert(sent.Advert.Priority, version, sent.Advert.AdvertisementInterval);
                    foreach (var r in routers.Where(r => r != sent.From))
                    {
                        Deliver(r, r.OnAdvertisement(packet, sent.From.Settings.PrimaryAddress, now));
                    }
                }
            }

            var masters = routers.Where(r => r.State == VrrpState.Master).ToList();
            var best = routers.OrderByDescending(r => r.EffectivePriority).ThenByDescending(r => r.Settings.PrimaryAddress.GetAddressBytes()[3]).First();
            return masters.Count == 1 && masters[0] == best;

            void Deliver(VrrpRouter from, IReadOnlyList<VrrpAction> actions)
            {
                foreach (var advert in actions.OfType<SendAdvertisement>())
                {
                    medium.Enqueue((from, advert));
                }
            }
        });
}
