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

        var (code, output) = await RunDemoAsync(TimeSpan.FromSeconds(150), interruptWhen: null, "--story", "nginx");

        Assert.True(code == 0, output);
        Assert.DoesNotContain("IPVS cluster", output);
        Assert.Contains("node-a holds the VIP after", output);
        Assert.Matches(@"step 1: stopping node-a's web server[\s\S]*node-b took over after \d+\.\d\d s\n[\s\S]*client: served by node-b", output);
        Assert.Matches(@"step 2: [\s\S]*node-a took the VIP back after \d+\.\d\d s\n[\s\S]*client: served by node-a", output);
        Assert.Matches(@"step 3: killing node-a[\s\S]*node-b took over after \d+\.\d\d s\n[\s\S]*client: served by node-b", output);
        Assert.Matches(@"client: \d+ requests, \d+ answered \(node-a \d+, node-b \d+\)", output);
        Assert.Equal(3, Regex.Matches(output, @"-> node-[ab]: VIP after \d+\.\d\d s, client answered by it after \d+\.\d\d s").Count);
        AssertNothingLeft(output);
    }

    [Fact]
    public async Task Demo_ClusterStory_RotatesDropsAStoppedServerServesSorryAndSurvivesTheMastersDeath_AndCleansUp()
    {
        Root.Require();

        var (code, output) = await RunDemoAsync(TimeSpan.FromSeconds(120), interruptWhen: null, "--story", "cluster");

        Assert.True(code == 0, output);
        Assert.DoesNotContain("nginx example", output);
        Assert.Contains("director-1 holds both VIPs after", output);
        Assert.Matches(@"step 1: [\s\S]*client: the answers rotate over rs1, rs2 and rs3: (rs[123] → ){5}rs[123]\n", output);
        var left = Regex.Match(output, @"step 2: stopping rs2's web server\n[\s\S]*?rs2 left the rotation after (\d+\.\d\d) s \(\d+ requests failed meanwhile\): rs1 and rs3 answer in turn\n.*client: \d+ requests since, every one answered like that\n");
        Assert.True(left.Success, output);
        Assert.InRange(double.Parse(left.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 5);
        Assert.Matches(@"step 3: [\s\S]*?the sorry server answers after \d+\.\d\d s \(\d+ requests failed meanwhile\): ""sorry \(director-1\)""\n.*client: \d+ requests since, every one answered like that\n", output);
        Assert.Matches(@"starting the three web servers again\n.*client: the rotation returns: (rs[123] → ){5}rs[123]\n", output);
        Assert.Matches(@"step 4: killing director-1[\s\S]*?director-2 holds both VIPs after \d+\.\d\d s\n.*client: answered again \d+\.\d\d s after the kill .*through director-2: (rs[123] → ){5}rs[123]\n.*client: \d+ requests since, every one answered\n", output);
        Assert.Matches(@"client: \d+ requests, \d+ answered \(rs1 \d+, rs2 \d+, rs3 \d+, sorry \(director-1\) \d+\)", output);
        var cleanup = Regex.Match(output, @"\[ *(\d+\.\d+) s\] cleaning up");
        Assert.True(cleanup.Success, output);
        Assert.InRange(double.Parse(cleanup.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 60);
        AssertNothingLeft(output);
    }

    [Fact]
    public async Task Demo_Sigint_DuringTheClusterStory_CleansUpAndExits130()
    {
        Root.Require();

        var (code, output) = await RunDemoAsync(TimeSpan.FromSeconds(60), interruptWhen: "step 2: stopping rs2", "--story", "cluster");

        Assert.True(code == 130, output);
        Assert.Contains("SIGINT received: stopping", output);
        Assert.Contains("cleaning up", output);
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

    private static async Task<(int Code, string Output)> RunDemoAsync(TimeSpan bound, string? interruptWhen, params string[] arguments)
    {
        var info = new ProcessStartInfo(RepoPaths.DemoBinary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

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
        var state = Directory.Exists("/var/lib/vigil") ? Directory.GetDirectories("/var/lib/vigil", prefix.Groups[1].Value + "*") : [];
        Assert.True(state.Length == 0, $"the demo left state behind: {string.Join(", ", state)}");
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    [GeneratedRegex(@"lab (vd[0-9a-f]{6})\*")]
    private static partial Regex LabPrefix();

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
