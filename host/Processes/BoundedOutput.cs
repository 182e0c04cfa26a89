using System.Text;

namespace Vigil.Host.Processes;

/// <summary>Collects the first bytes of two streams into one buffer and discards the rest.</summary>
internal sealed class BoundedOutput(int limit)
{
    private readonly MemoryStream _kept = new();

    /// <summary>Reads <paramref name="stream"/> to its end, keeping what fits.</summary>
    public async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_kept)
                {
                    var room = limit - (int)_kept.Length;
                    if (room > 0)
                    {
                        _kept.Write(buffer, 0, Math.Min(room, read));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process object was disposed while a background child still held the pipe.
        }
    }

    /// <summary>What was kept, as UTF-8 text.</summary>
    public override string ToString()
    {
        lock (_kept)
        {
            return Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
        }
    }
}
