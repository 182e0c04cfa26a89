using System.Diagnostics;
using System.Text.Json.Nodes;
using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Vrrp.Tests.Integration;

/// <summary>A netns lab plus helpers to run Vigil (and keepalived) daemons in its nodes and watch who holds the VIP.</summary>
internal sealed class VrrpLab : IAsyncDisposable
{
    public const string Vip = "10.77.0.100";

    private VrrpLab(NetnsLab lab, string directory)
    {
        Lab = lab;
        Directory = directory;
    }

    public NetnsLab Lab { get; }

    public string Directory { get; }

    public NetnsNode this[string role] => Lab[role];

    public static async Task<VrrpLab> CreateAsync(params string[] roles)
    {
        var lab = await NetnsLab.CreateAsync(roles);
        var directory = Path.Combine(Path.GetTempPath(), lab.Prefix);
        System.IO.Directory.CreateDirectory(directory);
        return new VrrpLab(lab, directory);
    }

    /// <summary>Starts <c>vigil run</c> in <paramref name="role"/>'s namespace with <paramref name="conf"/>.</summary>
    public LabProcess StartVigil(string role, string conf, bool notifyEnabled = false)
    {
        var path = Path.Combine(Directory, $"{role}.conf");
        File.WriteAllText(path, conf);
        return Lab.StartProcess(Lab[role].Namespace,
            RepoPaths.VigilBinary, "run", "-f", path, "--vrrp",
            "--plugins-dir", RepoPaths.PluginsDirectory,
            "--instance", $"{Lab.Prefix}{role}",
            "--admin-socket", Socket(role),
            "-p", Path.Combine(Directory, $"{role}.pid"),
            "--set", "Metrics:Enabled=false",
            "--set", $"Modules:notify:Enabled={(notifyEnabled ? "true" : "false")}");
    }

    /// <summary>Starts keepalived's VRRP process in <paramref name="role"/>'s namespace.</summary>
    public LabProcess StartKeepalived(string role, string conf)
    {
        var path = Path.Combine(Directory, $"{role}.keepalived.conf");
        File.WriteAllText(path, conf);
        return Lab.StartProcess(Lab[role].Namespace,
            "/usr/sbin/keepalived", "-n", "-l", "-D", "--vrrp", "-f", path,
            "-p", Path.Combine(Directory, $"{role}.k.pid"),
            "-r", Path.Combine(Directory, $"{role}.kv.pid"),
            "-c", Path.Combine(Directory, $"{role}.kc.pid"));
    }

    public string Socket(string role) => Path.Combine(Directory, $"{role}.sock");

    /// <summary>True when <paramref name="address"/> is on a link of <paramref name="role"/>.</summary>
    public async Task<bool> HasAddressAsync(string role, string address = Vip)
    {
        var result = await Lab.RunAsync(Lab[role].Namespace, "ip", "-o", "addr", "show");
        return result.Stdout.Contains($" {address}/", StringComparison.Ordinal);
    }

    /// <summary>The roles holding <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<string>> HoldersAsync(IEnumerable<string> roles, string address = Vip)
    {
        var holders = new List<string>();
        foreach (var role in roles)
        {
            if (await HasAddressAsync(role, address))
            {
                holders.Add(role);
            }
        }

        return holders;
    }

    /// <summary>Waits until exactly <paramref name="expected"/> hold the address; returns the time it took.</summary>
    public async Task<TimeSpan> WaitForHoldersAsync(string[] roles, string[] expected, TimeSpan timeout, string address = Vip)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<string> holders = [];
        while (watch.Elapsed < timeout)
        {
            holders = await HoldersAsync(roles, address);
            if (holders.Order().SequenceEqual(expected.Order()))
            {
                return watch.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException(
            $"after {timeout.TotalSeconds}s {address} is on [{string.Join(", ", holders)}], expected [{string.Join(", ", expected)}]");
    }

    /// <summary>Asserts the holders stay <paramref name="expected"/> for <paramref name="period"/>.</summary>
    public async Task AssertHoldersStayAsync(string[] roles, string[] expected, TimeSpan period, string address = Vip)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < period)
        {
            var holders = await HoldersAsync(roles, address);
            Assert.Equal(expected.Order(), holders.Order());
            await Task.Delay(100);
        }
    }

    /// <summary><c>vigil status --json</c> over <paramref name="role"/>'s admin socket: the vrrp rows.</summary>
    public async Task<JsonArray> VrrpRowsAsync(string role)
    {
        var result = await Lab.RunAsync(Lab[role].Namespace, RepoPaths.VigilBinary, "status", "--json", "--admin-socket", Socket(role));
        var status = JsonNode.Parse(result.EnsureSuccess("vigil status").Stdout)!;
        var vrrp = status["modules"]!.AsArray().Single(m => (string?)m!["name"] == "vrrp")!;
        return vrrp["status"]![0]!["rows"]!.AsArray();
    }

    /// <summary>Waits for the status row of <paramref name="instance"/> to satisfy <paramref name="condition"/>.</summary>
    public async Task<JsonNode> WaitForRowAsync(string role, string instance, Func<JsonNode, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        JsonNode? row = null;
        while (watch.Elapsed < timeout)
        {
            try
            {
                row = (await VrrpRowsAsync(role)).FirstOrDefault(r => (string?)r!["instance"] == instance);
                if (row is not null && condition(row))
                {
                    return row;
                }
            }
            catch (InvalidOperationException)
            {
                // The daemon is still starting and its admin socket is not there yet.
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"status of {instance} on {role} never matched: {row?.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Lab.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A daemon may still be removing its pid file.
        }
    }
}
