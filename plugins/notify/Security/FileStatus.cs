using System.Runtime.InteropServices;

namespace Vigil.Plugins.Notify.Security;

/// <summary>Owner, group and mode of a file, from stat(2): .NET exposes the mode but not the owner.</summary>
internal readonly partial record struct FileStatus(uint Uid, uint Gid, uint Mode)
{
    public const uint TypeMask = 0xF000;
    public const uint Directory = 0x4000;
    public const uint Regular = 0x8000;
    public const uint Sticky = 0x200;
    public const uint GroupWrite = 0x10;
    public const uint OtherWrite = 0x2;

    public bool IsDirectory => (Mode & TypeMask) == Directory;

    public bool IsRegular => (Mode & TypeMask) == Regular;

    /// <summary>stat(2) of <paramref name="path"/> (following links), or null when it cannot be read.</summary>
    public static unsafe FileStatus? Of(string path)
    {
        var buffer = stackalloc byte[256];
        if (Stat(path, buffer) != 0)
        {
            return null;
        }

        // struct stat differs between the two Linux ABIs Vigil runs on.
        return RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? new FileStatus(*(uint*)(buffer + 28), *(uint*)(buffer + 32), *(uint*)(buffer + 24))
            : new FileStatus(*(uint*)(buffer + 24), *(uint*)(buffer + 28), *(uint*)(buffer + 16));
    }

    /// <summary>The canonical path (links, <c>.</c> and <c>..</c> resolved), or null.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
