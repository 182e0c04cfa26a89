namespace Vigil.Host.Runtime;

/// <summary>Writes this process's pid on start and removes the file on stop, as keepalived's <c>-p</c> does.</summary>
internal sealed class PidFile : IDisposable
{
    private readonly string _path;

    private PidFile(string path) => _path = path;

    /// <summary>Writes the pid file; an empty path disables it. Failure is reported but does not stop the daemon.</summary>
    public static PidFile? TryCreate(string path, TextWriter error)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, $"{Environment.ProcessId}\n");
            return new PidFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"vigil: cannot write pid file {path}: {e.Message}");
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Nothing to do: a stale pid file names a dead process.
        }
    }
}
