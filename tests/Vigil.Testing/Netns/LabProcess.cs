using System.Diagnostics;
using System.Text;

namespace Vigil.Testing.Netns;

/// <summary>
/// A long-running process the lab started in a namespace, leader of its own process group (setsid), so the whole
/// group (for example a daemon and the scripts it spawned) can be signalled at once.
/// </summary>
public sealed class LabProcess
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    internal LabProcess(Process process, string ns)
    {
        _process = process;
        Namespace = ns;
        ProcessGroup = process.Id;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The namespace the process runs in.</summary>
    public string Namespace { get; }

    /// <summary>Process group id (equal to the leader's pid, because setsid ran without forking).</summary>
    public int ProcessGroup { get; }

    /// <summary>True once the leader exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Output so far.</summary>
    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    /// <summary>Error output so far.</summary>
    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>SIGTERM to the group, SIGKILL after <paramref name="grace"/>; waits for the leader.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        Signal(NetnsNative.SIGTERM);
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(2));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // The group ignored SIGTERM; SIGKILL below cannot be ignored.
        }

        Signal(NetnsNative.SIGKILL);
        await _process.WaitForExitAsync();
    }

    /// <summary>Synchronous SIGKILL of the group, for process-exit cleanup.</summary>
    internal void Kill()
    {
        Signal(NetnsNative.SIGKILL);
        _process.WaitForExit(2000);
    }

    /// <summary>Sends a signal to the whole process group.</summary>
    public void Signal(int signal) => NetnsNative.kill(-ProcessGroup, signal);

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
