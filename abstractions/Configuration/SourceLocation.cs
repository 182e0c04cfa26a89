namespace Vigil.Abstractions.Configuration;

/// <summary>Where a configuration value was written.</summary>
/// <param name="File">The file's path as the user gave it (or as an include resolved it).</param>
/// <param name="Line">The 1-based line number, or 0 when the format has no lines.</param>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
