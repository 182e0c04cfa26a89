namespace Vigil.Testing.Processes;

/// <summary>
/// A copy of a build output directory that any user can read and run, in a directory of its own under /tmp, removed
/// on dispose. A test that runs a program as an unprivileged user (setpriv --reuid=65534) runs this copy: the
/// repository may be cloned where only root can reach it (/root/vigil, mode 0700), and then that user cannot even
/// resolve the original executable's path.
/// </summary>
public sealed class WorldReadableCopy : IDisposable
{
    private const UnixFileMode Mode755 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Mode644 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _root;

    private WorldReadableCopy(string root, string directory)
    {
        _root = root;
        Directory = directory;
    }

    /// <summary>The copy, named like its source: <c>/tmp/vigil-copy-…/&lt;name&gt;</c>.</summary>
    public string Directory { get; }

    /// <summary>Copies <paramref name="source"/> and everything under it; executables stay executable.</summary>
    public static WorldReadableCopy Of(string source)
    {
        // /tmp rather than TMPDIR: a TMPDIR inside root's home would be as unreachable as the clone itself.
        var root = Path.Combine("/tmp", "vigil-copy-" + Guid.NewGuid().ToString("N")[..10]);
        var copy = new WorldReadableCopy(root, Path.Combine(root, Path.GetFileName(Path.TrimEndingDirectorySeparator(source))));
        try
        {
            CreateDirectory(root);
            CopyTree(source, copy.Directory);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The path of <paramref name="relative"/> inside the copy.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }

    private static void CopyTree(string source, string target)
    {
        CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            var executable = (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
            File.SetUnixFileMode(copy, executable ? Mode755 : Mode644);
        }

        foreach (var directory in System.IO.Directory.EnumerateDirectories(source))
        {
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    /// <summary>Creates a 0755 directory; set explicitly, since root's umask may be 077.</summary>
    private static void CreateDirectory(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Mode755);
    }
}
