using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpRouterPropertyTests
{
    [Property(MaxTest = 300)]
    public Property RandomInputs_KeepDeadlinesAndAdvertsConsistentWithState() => Prop.ForAll(
        Gen.ListOf(Gen.Choose(0, 1_000_000)).ToArbitrary(), Gen.Choose(1, 254).ToArbitrary(), (steps, priority) =>
        {
            var router = RouterHarness.Router((byte)priority);
            long now = 0;
            var ok = Check(router, router.Start(now));
            foreach (var step in steps)
            {
                now += step % 1500;
                var prio = (byte)(step % 256);
                var actions = (step / 7 % 6) switch
                {
                    0 => router.OnTimers(now),
                    1 => router.OnAdvertisement(RouterHarness.Advert(prio), IPAddress.Parse($"10.0.0.{step % 5 + 1}"), now),
                    2 => router.SetEffectivePriority(prio, now),
                    3 => router.SetFault(step % 2 == 0, "fault", now),
                    _ => router.OnTimers(router.NextDeadline ?? now),
                };
                now = Math.Max(now, router.NextDeadline is { } d && d < now ? now : now);
                ok &= Check(router, actions);
            }

            ok &= Check(router, router.Shutdown(now), shuttingDown: true);
            return ok;
        });

    private static bool Check(VrrpRouter router, IReadOnlyList<VrrpAction> actions, bool shuttingDown = false)
    {
        var deadlines = router.State switch
        {
            VrrpState.Master => router.AdvertisementDeadline is not null && router.MasterDownDeadline is null,
            VrrpState.Backup => router.MasterDownDeadline is not null && router.AdvertisementDeadline is null,
            _ => router.NextDeadline is null && router.AdvertisementDeadline is null && router.MasterDownDeadline is null,
        };
        var change = actions.OfType<StateChange>().LastOrDefault();
        var adverts = actions.OfType<SendAdvertisement>().ToList();
        var advertsOnlyAsMaster = adverts.Count == 0 || router.State == VrrpState.Master || change?.OldState == VrrpState.Master;
        var zeroOnlyWhenLeaving = adverts.All(a => !a.IsPriorityZero)
            || (change is { OldState: VrrpState.Master, NewState: VrrpState.Stop or VrrpState.Fault } && (shuttingDown || change.NewState == VrrpState.Fault));
        return deadlines && advertsOnlyAsMaster && zeroOnlyWhenLeaving;
    }
}
