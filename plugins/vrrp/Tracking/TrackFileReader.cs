using System.Globalization;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>Reads a <c>track_file</c>: the first integer in it; a missing, unreadable or non-numeric file reads as 0.</summary>
internal static class TrackFileReader
{
    /// <summary>The file's value.</summary>
    public static long Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            var first = text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
