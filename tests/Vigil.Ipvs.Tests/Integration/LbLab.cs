using System.Globalization;
using System.Net;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// A director, a client and three real servers running Debian's nginx, each answering its own name (rs1, rs2, rs3).
/// The real servers (10.77.0.2-4) route back through the director (10.77.0.1), as LVS-NAT needs; the client sits on
/// 10.78.0.0/24 behind the director, which holds the VIP 10.78.0.100 and a local "sorry" nginx on port 80 (as a
/// keepalived sorry_server 127.0.0.1 80 usually is: the host's web server on every address; the user-space forwarder,
/// which binds the VIP itself, needs it on 127.0.0.1 only).
/// </summary>
internal sealed class LbLab : IAsyncDisposable
{
    public static readonly IPAddress Vip = IPAddress.Parse("10.78.0.100");

    private LbLab(NetnsLab lab, string directory)
    {
        Lab = lab;
        Directory = directory;
    }

    public NetnsLab Lab { get; }

    public string Directory { get; }

    public string Director => Lab["director"].Namespace;

    public string Client => Lab["client"].Namespace;

    public string RealServer(int i) => Lab[$"rs{i}"].Namespace;

    public static IPAddress RealServerAddress(int i) => IPAddress.Parse($"10.77.0.{i + 1}");

    public static async Task<LbLab> CreateAsync(string sorryAddress = "*", bool addVip = true)
    {
        var lab = await NetnsLab.CreateAsync("director", "rs1", "rs2", "rs3");
        var directory = System.IO.Directory.CreateTempSubdirectory("vigil-lb-").FullName;
        var result = new LbLab(lab, directory);
        try
        {
            await lab.AddNodeAsync("client", ipv4Cidr: "10.78.0.10/24");
            var director = result.Director;
            await lab.RunCheckedAsync(director, "ip", "addr", "add", "10.78.0.1/24", "dev", "eth0");
            if (addVip)
            {
                await lab.RunCheckedAsync(director, "ip", "addr", "add", $"{Vip}/32", "dev", "eth0");
            }

            await lab.RunCheckedAsync(director, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
            await lab.RunCheckedAsync(result.Client, "ip", "route", "add", "default", "via", "10.78.0.1");
            for (var i = 1; i <= 3; i++)
            {
                await lab.RunCheckedAsync(result.RealServer(i), "ip", "route", "add", "default", "via", "10.77.0.1");
                result.StartNginx(result.RealServer(i), $"rs{i}", RealServerAddress(i).ToString());
            }

            result.StartNginx(director, "sorry", sorryAddress);
            for (var i = 1; i <= 3; i++)
            {
                await result.WaitListeningAsync(result.RealServer(i), RealServerAddress(i).ToString());
            }

            await result.WaitListeningAsync(director, "127.0.0.1");
            return result;
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    /// <summary>One request from the client to the VIP on a new connection: the body (a server's name), or the curl failure.</summary>
    public async Task<string> GetAsync(string? from = null)
    {
        var result = await Lab.RunAsync(from ?? Client, "curl", "-s", "--max-time", "3", $"http://{Vip}/");
        return result.ExitCode == 0 ? result.Stdout.Trim() : $"curl exit {result.ExitCode.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Names answering <paramref name="count"/> requests, one connection each, in order.</summary>
    public async Task<List<string>> GetManyAsync(int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            names.Add(await GetAsync());
        }

        return names;
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
            // nginx may still be flushing its log; a temporary directory left behind harms nothing.
        }
    }

    private void StartNginx(string ns, string name, string address) => Nginx.Start(Lab, ns, Path.Combine(Directory, name), name, address);

    private Task WaitListeningAsync(string ns, string address) => Nginx.WaitListeningAsync(Lab, ns, address);
}
