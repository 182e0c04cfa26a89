using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Processes;

namespace Vigil.Host.Processes;

/// <summary>
/// Runs configured scripts the way keepalived does, with two guarantees keepalived lacks: each script
/// starts in a new session and process group (through <c>setsid</c>), so a timeout kills everything it
/// started, and it never throws for a script that cannot start: the reason comes back in <see cref="ScriptResult.Error"/>.
/// </summary>
/// <remarks>
/// Another user is taken on with <c>setpriv</c> (util-linux) after the group is made, so the script never
/// runs with the daemon's credentials. Output is captured up to <see cref="OutputLimit"/> bytes; the rest is
/// read and dropped so a chatty script cannot block on a full pipe.
/// </remarks>
internal sealed partial class ScriptRunner : IScriptRunner
{
    /// <summary>Bytes of standard output and error kept for logs.</summary>
    public const int OutputLimit = 4096;

    private const int SigKill = 9;
    private const int ExecFailed = 126;
    private const int ExecNotFound = 127;
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(1);

    private readonly ILogger<ScriptRunner> _logger;
    private readonly TimeProvider _time;
    private readonly string _setsid;
    private readonly string _setpriv;

    public ScriptRunner(ILogger<ScriptRunner> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        _setsid = ExecutableLookup.FindInPath("setsid") ?? "/usr/bin/setsid";
        _setpriv = ExecutableLookup.FindInPath("setpriv") ?? "/usr/bin/setpriv";
    }

    public async Task<ScriptResult> RunAsync(
        ScriptCommand command,
        IReadOnlyList<string> extraArguments,
        ScriptRunOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var program = ExecutableLookup.Resolve(command.FileName, out var error);
        var account = default((uint Uid, uint Gid));
        if (error is null && options.User is not null && !ExecutableLookup.TryGetAccount(options.User, out account))
        {
            error = $"unknown user {options.User}";
        }

        if (error is null && options.Group is not null)
        {
            if (ExecutableLookup.TryGetGroup(options.Group, out var gid))
            {
                account = (options.User is null ? GetEffectiveUid() : account.Uid, gid);
            }
            else
            {
                error = $"unknown group {options.Group}";
            }
        }

        if (error is not null)
        {
            LogStartFailed(command.Line, error);
            return new ScriptResult(null, false, error, "");
        }

        using var process = new Process { StartInfo = BuildStartInfo(program!, command, extraArguments, options, account) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            LogStartFailed(command.Line, e.Message);
            return new ScriptResult(null, false, e.Message, "");
        }

        process.StandardInput.Close();
        var output = new BoundedOutput(OutputLimit);
        var readers = Task.WhenAll(
            output.DrainAsync(process.StandardOutput.BaseStream),
            output.DrainAsync(process.StandardError.BaseStream));

        var timedOut = await WaitAsync(process, options.Timeout, cancellationToken).ConfigureAwait(false);
        // A background child that kept the pipes open must not hold the caller: output is best effort.
        await Task.WhenAny(readers, Task.Delay(OutputGrace, _time)).ConfigureAwait(false);
        var text = output.ToString();

        if (timedOut)
        {
            LogTimedOut(command.Line, options.Timeout.TotalSeconds);
            return new ScriptResult(null, true, null, text);
        }

        var exitCode = process.ExitCode;
        if ((exitCode == ExecFailed || exitCode == ExecNotFound) && text.Contains("failed to execute", StringComparison.Ordinal))
        {
            var reason = text.Trim();
            LogStartFailed(command.Line, reason);
            return new ScriptResult(null, false, reason, text);
        }

        return new ScriptResult(exitCode, false, null, text);
    }

    /// <summary>Waits for the script; on timeout or cancellation kills its whole process group. True when it timed out.</summary>
    private async Task<bool> WaitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            KillGroup(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return true;
        }
    }

    private static void KillGroup(Process process)
    {
        var pid = process.Id;
        // setsid made the script a group leader, so its group id is its pid; the second kill covers the
        // instant between fork and setsid(2), when the group does not exist yet.
        _ = Kill(-pid, SigKill);
        _ = Kill(pid, SigKill);
    }

    private ProcessStartInfo BuildStartInfo(
        string program,
        ScriptCommand command,
        IReadOnlyList<string> extraArguments,
        ScriptRunOptions options,
        (uint Uid, uint Gid) account)
    {
        var info = new ProcessStartInfo(_setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (options.User is not null || options.Group is not null)
        {
            info.ArgumentList.Add(_setpriv);
            info.ArgumentList.Add($"--reuid={account.Uid}");
            info.ArgumentList.Add($"--regid={account.Gid}");
            // --init-groups needs a user name; a group alone drops the supplementary groups instead.
            info.ArgumentList.Add(options.User is null ? "--clear-groups" : "--init-groups");
            info.ArgumentList.Add("--");
        }

        info.ArgumentList.Add(program);
        foreach (var argument in command.ArgumentsWith(extraArguments))
        {
            info.ArgumentList.Add(argument);
        }

        if (options.Environment is not null)
        {
            foreach (var (name, value) in options.Environment)
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
