using System.Globalization;

namespace Vigil.Plugins.Notify.Security;

/// <summary>
/// keepalived's enable_script_security rule: a script, and every directory on its real path, must be owned by
/// root and not writable by group (unless the group is root) or others; a directory with the sticky bit
/// (<c>/tmp</c>) may be writable. Otherwise a non-root user could change what root runs.
/// </summary>
internal static class ScriptSecurity
{
    /// <summary>The file a script line's program names, searched in PATH when bare; null when it does not exist.</summary>
    public static string? ResolveProgram(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? fileName : null;
        }

        var search = Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin";
        return search.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, fileName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Null when <paramref name="path"/> is safe to run as root; else what is wrong, naming the offending path.</summary>
    public static string? Check(string path)
    {
        var real = FileStatus.RealPath(path);
        if (real is null)
        {
            return $"cannot resolve {path}";
        }

        var current = "/";
        foreach (var part in real.Split('/', StringSplitOptions.RemoveEmptyEntries).Prepend(""))
        {
            current = part.Length == 0 ? "/" : Path.Combine(current, part);
            var status = FileStatus.Of(current);
            if (status is not { } s)
            {
                return $"cannot stat {current}";
            }

            if (s.Uid != 0)
            {
                return $"{Describe(current, real)} {current} is owned by uid {s.Uid.ToString(CultureInfo.InvariantCulture)}, not root";
            }

            var checkWrite = s.IsRegular || (s.IsDirectory && (s.Mode & FileStatus.Sticky) == 0);
            if (checkWrite && s.Gid != 0 && (s.Mode & FileStatus.GroupWrite) != 0)
            {
                return $"{Describe(current, real)} {current} is writable by group {s.Gid.ToString(CultureInfo.InvariantCulture)}";
            }

            if (checkWrite && (s.Mode & FileStatus.OtherWrite) != 0)
            {
                return $"{Describe(current, real)} {current} is writable by others";
            }
        }

        return null;
    }

    private static string Describe(string current, string real) =>
        string.Equals(current, real, StringComparison.Ordinal) ? "script" : "directory";
}
