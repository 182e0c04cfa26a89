using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The instance changed state; the driver publishes <c>VrrpStateChanged</c> (the notify module runs the scripts).</summary>
/// <param name="OldState">The state left.</param>
/// <param name="NewState">The state entered.</param>
/// <param name="Reason">Why, in words (<c>higher priority 110 advertisement from 10.0.0.2</c>).</param>
internal sealed record StateChange(VrrpState OldState, VrrpState NewState, string Reason) : VrrpAction;
