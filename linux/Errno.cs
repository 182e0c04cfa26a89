using System.Runtime.InteropServices;

namespace Vigil.Linux;

/// <summary>Symbolic names for the errno values the adapters can meet, so errors read like the man pages.</summary>
public static class Errno
{
    /// <summary>No such file or directory; a netlink object or generic netlink family that does not exist.</summary>
    public const int ENOENT = 2;

    /// <summary>No such process; rtnetlink answers it for a route that does not exist.</summary>
    public const int ESRCH = 3;

    /// <summary>Interrupted system call.</summary>
    public const int EINTR = 4;

    /// <summary>Try again: a non-blocking call found nothing to do.</summary>
    public const int EAGAIN = 11;

    /// <summary>Already exists.</summary>
    public const int EEXIST = 17;

    /// <summary>No such device (interface).</summary>
    public const int ENODEV = 19;

    /// <summary>Invalid argument.</summary>
    public const int EINVAL = 22;

    /// <summary>Cannot assign requested address; rtnetlink answers it for an address that is not there.</summary>
    public const int EADDRNOTAVAIL = 99;

    /// <summary>Network is unreachable.</summary>
    public const int ENETUNREACH = 101;

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
    public static string Name(int errno) => Names.TryGetValue(errno, out var name) ? name : $"errno {errno}";

    /// <summary>An exception for the last P/Invoke error, naming the call.</summary>
    public static OsException Last(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new OsException(call, errno);
    }
}
