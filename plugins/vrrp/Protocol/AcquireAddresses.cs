using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Add the virtual addresses (and routes/rules) and announce them with gratuitous ARP / unsolicited NA.</summary>
internal sealed record AcquireAddresses(IReadOnlyList<IPAddress> Addresses) : VrrpAction;
