namespace Vigil.Plugins.Notify.Templates;

/// <summary>What the model holds besides the event: who is sending and how many events a message stands for.</summary>
/// <param name="Host">This machine's host name.</param>
/// <param name="RouterId">keepalived's <c>router_id</c> (the host name when unset).</param>
/// <param name="Coalesced">Events this notification stands for (1 unless coalesced).</param>
/// <param name="Suppressed">Notifications the rate limit dropped for this subject since the last one sent.</param>
internal sealed record ModelContext(string Host, string RouterId, int Coalesced = 1, int Suppressed = 0);
