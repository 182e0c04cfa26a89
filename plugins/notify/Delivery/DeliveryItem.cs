using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>An event on its way through one handler, with what throttling folded into it.</summary>
/// <param name="Event">The event to report (the latest, when several were coalesced).</param>
/// <param name="Coalesced">Events it stands for.</param>
/// <param name="Suppressed">Notifications the rate limit dropped for this subject since the last one sent.</param>
internal sealed record DeliveryItem(ClusterEvent Event, int Coalesced = 1, int Suppressed = 0);
