namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The outcome of <see cref="VrrpTracking.Evaluate"/>.</summary>
/// <param name="EffectivePriority">1-254, or 255 for the owner.</param>
/// <param name="Fault">True when a weight-0 object is down.</param>
/// <param name="Reason">The first fault's reason (<c>track_script chk_nginx failed</c>), or the empty string.</param>
internal sealed record TrackingResult(int EffectivePriority, bool Fault, string Reason);
