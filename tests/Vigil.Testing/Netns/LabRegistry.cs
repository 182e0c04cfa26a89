using System.Collections.Concurrent;

namespace Vigil.Testing.Netns;

/// <summary>
/// Labs still alive, torn down synchronously on process exit so a crashed or aborted test run leaves no namespaces
/// or processes behind.
/// </summary>
internal static class LabRegistry
{
    private static readonly ConcurrentDictionary<NetnsLab, byte> Live = new();
    private static int _hooked;

    internal static void Add(NetnsLab lab)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanupAll();
        }

        Live[lab] = 0;
    }

    internal static void Remove(NetnsLab lab) => Live.TryRemove(lab, out _);

    private static void CleanupAll()
    {
        foreach (var lab in Live.Keys)
        {
            lab.CleanupNow();
        }
    }
}
