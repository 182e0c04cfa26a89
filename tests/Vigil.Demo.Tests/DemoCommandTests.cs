using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Testing;
using Vigil.Testing.Netns;
using Vigil.Testing.Processes;

namespace Vigil.Demo.Tests;

/// <summary><c>./vigil demo</c> (the demo program) end to end, as root: the story happens, and nothing of the lab remains.</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_FailsOverTwiceAndBack_AndCleansUp()
    {
        Root.Require();

        var (code, output) = await RunDemoAsync(TimeSpan.FromSeconds(150), interruptWhen: null);

        Assert.True(code == 0, output);
        Assert.Contains("node-a holds the VIP after", output);
        Assert.Matches(@"step 1: stopping node-a's web server[\s\S]*node-b took over after \d+\.\d\d s\n[\s\S]*client: served by node-b", output);
        Assert.Matches(@"step 2: [\s\S]*node-a took the VIP back after \d+\.\d\d s\n[\s\S]*client: served by node-a", output);
        Assert.Matches(@"step 3: killing node-a[\s\S]*node-b took over after \d+\.\d\d s\n[\s\S]*client: served by node-b", output);
        Assert.Matches(@"client: \d+ requests, \d+ answered \(node-a \d+, node-b \d+\)", output);
        Assert.Equal(3, Regex.Matches(output, @"-> node-[ab]: VIP after \d+\.\d\d s, client answered by it after \d+\.\d\d s").Count);
        AssertNothingLeft(output);
    }

    [Fact]
    public async Task Demo_Sigint_CleansUpAndExits130()
    {
        Root.Require();

        var (code, output) = await RunDemoAsync(TimeSpan.FromSeconds(60), interruptWhen: "started Vigil on node-a");

        Assert.True(code == 130, output);
        Assert.Contains("SIGINT received: stopping", output);
        Assert.Contains("cleaning up", output);
        AssertNothingLeft(output);
    }

    [Fact]
    public async Task Demo_NotRoot_SaysSoPlainly()
    {
        // A copy under /tmp: the repository may be cloned where user 65534 cannot reach its build output.
        using var demo = WorldReadableCopy.Of(Path.GetDirectoryName(RepoPaths.DemoBinary)!);

        var result = await Command.RunAsync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", demo.PathOf(Path.GetFileName(RepoPaths.DemoBinary))]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("vigil demo needs root: it creates network namespaces. Run: sudo ./vigil demo", result.Stderr.Trim());
    }

    private static async Task<(int Code, string Output)> RunDemoAsync(TimeSpan bound, string? interruptWhen)
    {
        var info = new ProcessStartInfo(RepoPaths.DemoBinary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var output = new StringBuilder();
        using var process = Process.Start(info)!;
        var interrupted = false;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (interruptWhen is not null && !interrupted && line.Contains(interruptWhen, StringComparison.Ordinal))
            {
                interrupted = true;
                _ = Kill(process.Id, SigInt);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Over time: SIGTERM makes the demo clean up, which the assertions then check.
            _ = Kill(process.Id, SigTerm);
            await process.WaitForExitAsync();
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void AssertNothingLeft(string output)
    {
        var prefix = LabPrefix().Match(output);
        Assert.True(prefix.Success, output);
        var namespaces = Command.RunAsync("ip", ["netns", "list"]).GetAwaiter().GetResult().Stdout;
        Assert.DoesNotContain(prefix.Groups[1].Value, namespaces);
        var processes = Command.RunAsync("pgrep", ["-f", prefix.Groups[1].Value]).GetAwaiter().GetResult();
        Assert.True(processes.Stdout.Trim().Length == 0, $"processes of the demo still run: {processes.Stdout}");
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    [GeneratedRegex(@"lab (vd[0-9a-f]{6})\*")]
    private static partial Regex LabPrefix();

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
