using System.Diagnostics;

namespace Vigil.Demo;

/// <summary>
/// A long-running process the demo started as leader of a new session and process group (through setsid, which
/// does not fork here), so the whole group can be killed at once. Its output lines go to a callback and the last
/// ones are kept for error reports.
/// </summary>
internal sealed class GroupProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Action<string>? _onLine;

    private GroupProcess(Process process, string name, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
        Name = name;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the narrative calls it (node-a's Vigil, the client).</summary>
    public string Name { get; }

    /// <summary>The leader's pid, which is also the process group id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once the leader exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="command"/> under setsid.</summary>
    public static GroupProcess Start(string name, IReadOnlyList<string> command, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new DemoException($"cannot start {name}");
        process.StandardInput.Close();
        return new GroupProcess(process, name, onLine);
    }

    /// <summary>The last lines it printed.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>SIGKILL to the whole group, then waits briefly for the leader.</summary>
    public void Kill()
    {
        DemoNative.SignalGroup(Pid, DemoNative.SigKill);
        _process.WaitForExit(3000);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }

        _onLine?.Invoke(line);
    }
}
