using System.Diagnostics;

namespace Vigil.Testing.Netns;

/// <summary>Runs short commands with captured output and a hard timeout.</summary>
internal static class CommandRunner
{
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    internal static async Task<ProcessResult> RunAsync(IReadOnlyList<string> command, TimeSpan? timeout = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {timeout ?? DefaultTimeout}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Synchronous variant for process-exit cleanup, where async continuations may never run.</summary>
    internal static void RunQuietly(params string[] command)
    {
        try
        {
            var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in command.Skip(1))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            process?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Cleanup is best effort: a missing tool must not mask the test's own failure.
        }
    }
}
