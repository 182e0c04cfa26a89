using System.Runtime.InteropServices;

namespace Vigil.Demo;

/// <summary>The few libc calls the demo needs: who it runs as, and signals to whole process groups.</summary>
internal static partial class DemoNative
{
    internal const int SigKill = 9;
    internal const int SigTerm = 15;

    /// <summary>True when the effective user is root.</summary>
    internal static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/> to every process of group <paramref name="group"/>; false if none is left.</summary>
    internal static bool SignalGroup(int group, int signal) => Kill(-group, signal) == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
