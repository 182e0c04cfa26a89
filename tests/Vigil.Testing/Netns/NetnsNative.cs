using System.Runtime.InteropServices;

namespace Vigil.Testing.Netns;

/// <summary>The libc calls the lab needs: entering a namespace and signalling process groups.</summary>
internal static partial class NetnsNative
{
    internal const int CLONE_NEWNET = 0x40000000;
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int setns(nint fd, int nsType);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport("libc")]
    internal static partial uint geteuid();
}
