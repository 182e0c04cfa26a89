using System.Runtime.InteropServices;

namespace Vigil.Linux.Threading;

/// <summary>
/// Raises the calling thread's CPU priority. .NET ignores <see cref="Thread.Priority"/> on Linux, so the VRRP timing
/// threads set their own nice value: a busy machine then still runs them as soon as they wake.
/// </summary>
public static partial class ThreadScheduling
{
    private const int PRIO_PROCESS = 0;

    /// <summary>
    /// Sets the calling thread's nice value (−20 … 19); false when refused (no CAP_SYS_NICE). A nice value, not a
    /// real-time policy: a runaway thread can never starve the rest of the machine, and the runtime's spin-waits (GC,
    /// locks) cannot turn into a priority inversion against lower-priority threads on the same core.
    /// </summary>
    public static bool TrySetCurrentNice(int nice) => setpriority(PRIO_PROCESS, (uint)gettid(), nice) == 0;

    [LibraryImport("libc")]
    private static partial int gettid();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int priority);
}
