namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A top-level <c>track_file</c> (or legacy <c>vrrp_track_file</c>) block.</summary>
/// <param name="Name">Its name.</param>
/// <param name="File">The file whose integer content is read.</param>
/// <param name="Weight">Multiplier of the value. Defaults to 1.</param>
/// <param name="Reverse">weight ... reverse.</param>
/// <param name="InitFile">init_file [VALUE] [overwrite] as written, or null.</param>
internal sealed record TrackFileOptions(string Name, string File, int Weight = 1, bool Reverse = false, string? InitFile = null);
