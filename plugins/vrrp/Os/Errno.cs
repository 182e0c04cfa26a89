using System.Runtime.InteropServices;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Symbolic names for the errno values the adapters can meet, so errors read like the man pages.</summary>
internal static class Errno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int EEXIST = 17;
    internal const int ENODEV = 19;
    internal const int EINVAL = 22;
    internal const int EADDRNOTAVAIL = 99;

    private static readonly Dictionary<int, string> Names = new()
    {
        [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO", [6] = "ENXIO", [9] = "EBADF",
        [11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT", [16] = "EBUSY", [17] = "EEXIST",
        [19] = "ENODEV", [22] = "EINVAL", [23] = "ENFILE", [24] = "EMFILE", [28] = "ENOSPC", [34] = "ERANGE",
        [61] = "ENODATA", [71] = "EPROTO", [90] = "EMSGSIZE", [93] = "EPROTONOSUPPORT", [95] = "EOPNOTSUPP",
        [97] = "EAFNOSUPPORT", [98] = "EADDRINUSE", [99] = "EADDRNOTAVAIL", [100] = "ENETDOWN",
        [101] = "ENETUNREACH", [105] = "ENOBUFS", [113] = "EHOSTUNREACH",
    };

    /// <summary>The symbolic name (EEXIST) or "errno N" when unknown.</summary>
    internal static string Name(int errno) => Names.TryGetValue(errno, out var name) ? name : $"errno {errno}";

    /// <summary>An exception for the last P/Invoke error, naming the call.</summary>
    internal static OsException Last(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new OsException(call, errno);
    }
}
