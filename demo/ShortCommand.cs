using System.Diagnostics;

namespace Vigil.Demo;

/// <summary>Runs a short command (ip, killall, nsenter) to completion with its output captured and a hard timeout.</summary>
internal static class ShortCommand
{
    /// <summary>The outcome of one command.</summary>
    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>True on exit code 0.</summary>
        public bool Ok => ExitCode == 0;
    }

    /// <summary>Runs <paramref name="command"/>; exit code -1 when it could not start or timed out.</summary>
    public static Result Run(IReadOnlyList<string> command, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(-1, "", $"{command[0]}: {e.Message}");
        }

        using (process)
        {
            if (process is null)
            {
                return new Result(-1, "", $"{command[0]}: did not start");
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, "", $"{string.Join(' ', command)}: timed out");
            }

            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs <paramref name="command"/> and throws <see cref="DemoException"/> with its error output when it fails.</summary>
    public static string RunChecked(params string[] command)
    {
        var result = Run(command);
        return result.Ok
            ? result.Stdout
            : throw new DemoException($"'{string.Join(' ', command)}' failed: {result.Stderr.Trim()}");
    }
}
