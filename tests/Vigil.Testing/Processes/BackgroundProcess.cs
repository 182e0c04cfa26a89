using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Testing.Processes;

/// <summary>
/// A long-running process a test started, in a process group of its own (through <c>setsid</c>), so that
/// disposing it kills everything it started: SIGTERM to the group, then SIGKILL if it lingers.
/// Its output is captured for assertions.
/// </summary>
public sealed partial class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private BackgroundProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id, which is also its process group id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed so far (stdout and stderr interleaved by line).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> in a new session and process group.</summary>
    public static BackgroundProcess Start(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(file);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        return new BackgroundProcess(process);
    }

    /// <summary>Sends <paramref name="signal"/> to the process alone (not its group).</summary>
    public void Signal(int signal) => _ = Kill(_process.Id, signal);

    /// <summary>Waits until its output contains <paramref name="text"/>; throws with the output so far on timeout.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            if (HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"'{text}' not seen within {timeout}; exited={HasExited}; output:\n{Output}");
    }

    /// <summary>Waits for exit; false on timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the whole process group: SIGTERM, then SIGKILL after two seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(-_process.Id, SigTerm);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(2)))
            {
                _ = Kill(-_process.Id, SigKill);
                await WaitForExitAsync(TimeSpan.FromSeconds(5));
            }
        }

        // Children that outlived the leader still carry its group id.
        _ = Kill(-_process.Id, SigKill);
        _process.Dispose();
    }

    public const int SigHup = 1;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
