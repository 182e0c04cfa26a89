namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The current result of one tracked object for one instance.</summary>
/// <param name="Kind">What is tracked.</param>
/// <param name="Name">Its name (script, interface, file or process name).</param>
/// <param name="Weight">The effective weight (the instance's <c>weight</c> override or the object's own); 0 means "down is FAULT".</param>
/// <param name="Up">Script/process succeeded, interface up (ignored for files).</param>
/// <param name="FileValue">For <see cref="TrackKind.File"/>: the integer read from the file.</param>
/// <param name="Reverse">keepalived's <c>reverse</c>: the weight applies the other way round.</param>
internal sealed record TrackStatus(TrackKind Kind, string Name, int Weight, bool Up, long FileValue = 0, bool Reverse = false);
