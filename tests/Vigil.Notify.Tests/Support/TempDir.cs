namespace Vigil.Notify.Tests.Support;

/// <summary>A private directory under /tmp (root-owned, 0755, so scripts in it pass enable_script_security), removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine("/tmp", "vg" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
        System.IO.File.SetUnixFileMode(Path, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes an executable script (0755).</summary>
    public string Script(string name, string body)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
        return path;
    }

    /// <summary>A script that writes each argument it got, NUL-terminated, then \\001 ending the run, to <paramref name="output"/>.</summary>
    public string RecordingScript(string name, string output) =>
        // Under a lock: scripts run concurrently, and one run's printf calls must not interleave with another's.
        Script(name, $"exec 9>>'{output}'; flock 9; for a in \"$@\"; do printf '%s\\0' \"$a\" >&9; done; printf '\\001' >&9");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
