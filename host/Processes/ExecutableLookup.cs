using System.Runtime.InteropServices;

namespace Vigil.Host.Processes;

/// <summary>What a script line names, found as exec(3) and setpriv would: the program (by path or in PATH) and the account.</summary>
internal static partial class ExecutableLookup
{
    /// <summary>The executable file <paramref name="fileName"/> names, or null and why.</summary>
    public static string? Resolve(string fileName, out string? error)
    {
        error = null;
        var path = fileName.Contains('/', StringComparison.Ordinal) ? fileName : FindInPath(fileName);
        if (path is null || !File.Exists(path))
        {
            error = $"no such file: {fileName}";
            return null;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((File.GetUnixFileMode(path) & anyExecute) == 0)
        {
            error = $"not executable: {path}";
            return null;
        }

        return path;
    }

    /// <summary>The first file called <paramref name="name"/> in the directories of PATH, or null.</summary>
    public static string? FindInPath(string name)
    {
        var search = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        return search.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The uid and gid of <paramref name="user"/> from the password database.</summary>
    public static bool TryGetAccount(string user, out (uint Uid, uint Gid) account)
    {
        account = default;
        var entry = GetPasswordEntry(user);
        if (entry == IntPtr.Zero)
        {
            return false;
        }

        // struct passwd { char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ... } on LP64.
        var offset = 2 * IntPtr.Size;
        account = ((uint)Marshal.ReadInt32(entry, offset), (uint)Marshal.ReadInt32(entry, offset + 4));
        return true;
    }

    /// <summary>The group id of <paramref name="group"/>, a name or a number.</summary>
    public static bool TryGetGroup(string group, out uint gid)
    {
        if (uint.TryParse(group, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out gid))
        {
            return true;
        }

        var entry = GetGroupEntry(group);
        if (entry == IntPtr.Zero)
        {
            return false;
        }

        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; } on LP64.
        gid = (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "getgrnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetGroupEntry(string name);

    [LibraryImport("libc", EntryPoint = "getpwnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetPasswordEntry(string name);
}
