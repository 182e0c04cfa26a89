namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A line of an instance's track_script / track_interface / track_file / track_process block: <c>name [weight N [reverse]]</c>.</summary>
/// <param name="Name">The tracked object's name.</param>
/// <param name="Weight">The instance's weight override, or null to use the object's own (0 for interfaces).</param>
/// <param name="Reverse">keepalived's <c>reverse</c>.</param>
internal sealed record TrackReference(string Name, int? Weight = null, bool Reverse = false);
