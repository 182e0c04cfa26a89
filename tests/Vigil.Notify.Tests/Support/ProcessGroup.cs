using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vigil.Notify.Tests.Support;

/// <summary>A helper process a test starts in its own process group (through setsid) and kills whole on dispose.</summary>
internal sealed partial class ProcessGroup : IDisposable
{
    private readonly Process _process;

    public ProcessGroup(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/setsid") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(program);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info)!;
    }

    public StreamReader Output => _process.StandardOutput;

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        _ = Kill(-_process.Id, 9);
        _ = Kill(_process.Id, 9);
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
