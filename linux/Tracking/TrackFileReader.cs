namespace Vigil.Linux.Tracking;

/// <summary>
/// Reads a tracked file as keepalived does (<see cref="TrackFileValue"/>): a file that is missing, unreadable or empty
/// reads as 0; a number out of range is no reading at all, so the caller keeps the value it had.
/// </summary>
public static class TrackFileReader
{
    /// <summary>The file's value, or null when its number is out of range.</summary>
    public static long? Read(string path)
    {
        Span<byte> buffer = stackalloc byte[TrackFileValue.ReadLimit];
        int length;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            length = RandomAccess.Read(handle, buffer, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return 0;
        }

        return TrackFileValue.TryParse(buffer[..length], out var value) ? value : null;
    }
}
