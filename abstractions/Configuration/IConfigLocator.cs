namespace Vigil.Abstractions.Configuration;

/// <summary>Maps a configuration path (<c>vrrp_instance:0:priority</c>) back to the text it came from.</summary>
public interface IConfigLocator
{
    /// <summary>
    /// The location of <paramref name="path"/>, or of its nearest ancestor that has one;
    /// null when nothing along the path was read from a file.
    /// </summary>
    SourceLocation? Locate(string path);
}
