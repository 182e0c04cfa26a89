namespace Vigil.Linux.Tracking;

/// <summary>A top-level <c>track_file NAME { file PATH; weight N [reverse]; init_file … }</c> block.</summary>
/// <param name="Name">Its name.</param>
/// <param name="File">The file whose number is read (<see cref="TrackFileReader"/>).</param>
/// <param name="Weight">What the value is multiplied by. Defaults to 1.</param>
/// <param name="Reverse"><c>weight N reverse</c>: the product is negated.</param>
/// <param name="InitFile"><c>init_file [VALUE] [overwrite]</c> as written, or null.</param>
public sealed record TrackFileDefinition(string Name, string File, int Weight = 1, bool Reverse = false, string? InitFile = null);
