namespace Vigil.Plugins.Notify.Delivery;

/// <summary>One notification given up on, as <c>vigil status</c> lists it.</summary>
/// <param name="Time">When it was given up.</param>
/// <param name="Handler">The handler's id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Event">The event's kind and subject (<c>vrrp_instance VI_1 MASTER</c>).</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">The last attempt's error.</param>
internal sealed record DeliveryFailure(DateTimeOffset Time, string Handler, string Channel, string Event, int Attempts, string Error);
