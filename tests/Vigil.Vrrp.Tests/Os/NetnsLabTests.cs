using Vigil.Testing.Netns;

namespace Vigil.Vrrp.Tests.Os;

public class NetnsLabTests
{
    [Fact]
    public async Task CreateAsync_TwoNodes_CanPingAndDisposeRemovesNamespaces()
    {
        string prefix;
        await using (var lab = await NetnsLab.CreateAsync("a", "b"))
        {
            prefix = lab.Prefix;
            Assert.Matches("^vg[0-9a-f]{6}$", prefix);
            await lab.RunCheckedAsync(lab["a"].Namespace, "ping", "-c", "1", "-W", "2", lab["b"].Ipv4.ToString());
            await lab.RunCheckedAsync(lab["b"].Namespace, "ping", "-6", "-c", "1", "-W", "2", lab["a"].Ipv6.ToString());
        }

        Assert.DoesNotContain(prefix, await NamespaceListAsync());
    }

    [Fact]
    public async Task PartitionAsync_ThenHeal_BlocksAndRestoresTraffic()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);

        await lab.PartitionAsync(a, b);
        var blocked = await lab.RunAsync(a.Namespace, "ping", "-c", "1", "-W", "1", b.Ipv4.ToString());
        await lab.HealAsync(a, b);
        var healed = await lab.RunAsync(a.Namespace, "ping", "-c", "1", "-W", "2", b.Ipv4.ToString());

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Equal(0, healed.ExitCode);
    }

    [Fact]
    public async Task DisposeAsync_StartedProcess_KillsItsProcessGroupFirst()
    {
        LabProcess process;
        string ns;
        await using (var lab = await NetnsLab.CreateAsync("a"))
        {
            ns = lab["a"].Namespace;
            process = lab.StartProcess(ns, "sh", "-c", "sleep 60 & sleep 60");
            await Task.Delay(200);
            Assert.False(process.HasExited);
        }

        Assert.True(process.HasExited);
        Assert.False(Directory.Exists($"/proc/{process.ProcessGroup}"));
        Assert.DoesNotContain(ns, await NamespaceListAsync());
    }

    [Fact]
    public async Task InNamespaceAsync_SeesOnlyTheNamespaceLinks()
    {
        await using var lab = await NetnsLab.CreateAsync("a");

        var names = await lab.InNamespaceAsync(lab["a"].Namespace, () =>
            System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name).Order().ToArray());

        Assert.Equal(["eth0", "lo"], names);
    }

    private static async Task<string> NamespaceListAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ip", "netns list") { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
