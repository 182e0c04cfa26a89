using System.Runtime.InteropServices;

namespace Vigil.Linux;

/// <summary>A failed system call or netlink request, carrying the errno and its symbolic name.</summary>
public class OsException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> failing with <paramref name="errno"/>.</summary>
    public OsException(string operation, int errno)
        : base($"{operation} failed: {Errno.Name(errno)} ({Marshal.GetPInvokeErrorMessage(errno)})")
    {
        Operation = operation;
        ErrorCode = errno;
    }

    /// <summary>What was attempted (system call or netlink request).</summary>
    public string Operation { get; }

    /// <summary>The positive errno value.</summary>
    public int ErrorCode { get; }

    /// <summary>The symbolic errno name, for example EEXIST.</summary>
    public string ErrorName => Errno.Name(ErrorCode);
}
