using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// An instance that could not start (its interface is missing, it has no usable address). Like keepalived, Vigil
/// shows it in FAULT rather than hiding it; a reload tries it again.
/// </summary>
/// <param name="Options">The instance as configured.</param>
/// <param name="Reason">Why it could not start.</param>
/// <param name="Since">When it failed.</param>
internal sealed record FailedInstance(VrrpInstanceOptions Options, string Reason, DateTimeOffset Since);
