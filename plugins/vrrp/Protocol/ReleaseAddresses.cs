using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Remove the virtual addresses (and routes/rules).</summary>
internal sealed record ReleaseAddresses(IReadOnlyList<IPAddress> Addresses) : VrrpAction;
