using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Vigil.Testing.Netns;

/// <summary>
/// A throw-away network: one namespace holding a bridge, and node namespaces each joined to it by a veth pair.
/// Nothing touches the root namespace's links. Dispose stops every started process group, then deletes the
/// namespaces; the same happens on process exit if a test never got to dispose.
/// </summary>
public sealed partial class NetnsLab : IAsyncDisposable
{
    /// <summary>Name of the bridge inside <see cref="BridgeNamespace"/>.</summary>
    public const string BridgeName = "br0";

    private readonly List<NetnsNode> _nodes = [];
    private readonly List<string> _namespaces = [];
    private readonly List<LabProcess> _processes = [];
    private readonly HashSet<(string A, string B)> _partitions = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private NetnsLab(string prefix)
    {
        Prefix = prefix;
        BridgeNamespace = prefix + "br";
    }

    /// <summary><c>vg</c> plus 6 random hex characters; every namespace of this lab starts with it.</summary>
    public string Prefix { get; }

    /// <summary>The namespace holding the bridge.</summary>
    public string BridgeNamespace { get; }

    /// <summary>Nodes in creation order.</summary>
    public IReadOnlyList<NetnsNode> Nodes { get { lock (_gate) { return [.. _nodes]; } } }

    /// <summary>The node with this role.</summary>
    public NetnsNode this[string role] => Nodes.Single(n => n.Role == role);

    /// <summary>Creates the bridge namespace and one node per role (addresses 10.77.0.N/24 and fd77::N/64).</summary>
    public static async Task<NetnsLab> CreateAsync(params string[] roles)
    {
        Root.Require();
        var lab = new NetnsLab("vg" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        LabRegistry.Add(lab);
        try
        {
            await lab.AddNamespaceAsync(lab.BridgeNamespace);
            await lab.IpAsync(lab.BridgeNamespace, "link", "add", BridgeName, "type", "bridge", "mcast_snooping", "0");
            await lab.IpAsync(lab.BridgeNamespace, "link", "set", BridgeName, "up");
            foreach (var role in roles)
            {
                await lab.AddNodeAsync(role);
            }

            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a node namespace with interface <paramref name="interfaceName"/> on the bridge.</summary>
    public async Task<NetnsNode> AddNodeAsync(string role, string interfaceName = "eth0", string? ipv4Cidr = null)
    {
        if (!RoleName().IsMatch(role))
        {
            throw new ArgumentException($"role '{role}' must be 1-8 lower-case letters or digits", nameof(role));
        }

        int number;
        lock (_gate)
        {
            number = _nodes.Count + 1;
        }

        var ns = Prefix + role;
        var port = "v" + role;
        var cidr = ipv4Cidr ?? $"10.77.0.{number}/24";
        var ipv6 = IPAddress.Parse($"fd77::{number}");
        await AddNamespaceAsync(ns);
        await RunAsync(ns, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0");
        await IpAsync(BridgeNamespace, "link", "add", port, "type", "veth", "peer", "name", interfaceName, "netns", ns);
        await IpAsync(BridgeNamespace, "link", "set", port, "master", BridgeName, "up");
        await IpAsync(ns, "link", "set", "lo", "up");
        await IpAsync(ns, "addr", "add", cidr, "dev", interfaceName);
        await IpAsync(ns, "addr", "add", $"{ipv6}/64", "dev", interfaceName, "nodad");
        await IpAsync(ns, "link", "set", interfaceName, "up");
        await WaitForwardingAsync(port, ns, interfaceName);
        var parts = cidr.Split('/');
        var node = new NetnsNode(role, ns, interfaceName, IPAddress.Parse(parts[0]), int.Parse(parts[1]), ipv6, port);
        lock (_gate)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>Runs a command inside a namespace (<c>ip netns exec</c>) and captures its output.</summary>
    public Task<ProcessResult> RunAsync(string ns, params string[] command) =>
        CommandRunner.RunAsync(["ip", "netns", "exec", ns, .. command]);

    /// <summary>Like <see cref="RunAsync"/> but throws with the output when the command fails.</summary>
    public async Task<ProcessResult> RunCheckedAsync(string ns, params string[] command) =>
        (await RunAsync(ns, command)).EnsureSuccess($"[{ns}] {string.Join(' ', command)}");

    /// <summary>
    /// Starts a long-running command in a namespace as leader of a new session and process group; the lab stops the
    /// whole group on dispose.
    /// </summary>
    public LabProcess StartProcess(string ns, IEnumerable<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["ip", "netns", "exec", ns, .. command])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new LabProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start setsid"), ns);
        lock (_gate)
        {
            _processes.Add(process);
        }

        return process;
    }

    /// <summary>Starts a long-running command in a namespace; see <see cref="StartProcess(string, IEnumerable{string}, IReadOnlyDictionary{string, string}?)"/>.</summary>
    public LabProcess StartProcess(string ns, params string[] command) => StartProcess(ns, command, null);

    /// <summary>Runs .NET code on a thread inside the namespace (sockets opened there belong to it).</summary>
    public Task<T> InNamespaceAsync<T>(string ns, Func<T> action) => NetnsThread.RunAsync(ns, action);

    /// <summary>Runs .NET code on a thread inside the namespace.</summary>
    public Task InNamespaceAsync(string ns, Action action) => NetnsThread.RunAsync(ns, action);

    [GeneratedRegex("^[a-z0-9]{1,8}$")]
    private static partial Regex RoleName();

    private string[] Namespaces()
    {
        lock (_gate)
        {
            return [.. _namespaces];
        }
    }

    private async Task AddNamespaceAsync(string ns)
    {
        (await CommandRunner.RunAsync(["ip", "netns", "add", ns])).EnsureSuccess($"ip netns add {ns}");
        lock (_gate)
        {
            _namespaces.Add(ns);
        }
    }

    /// <summary>
    /// Carrier changes reach the bridge through the kernel's linkwatch, up to a second later; packets sent before the
    /// port forwards are silently lost, which would make the first advert of a test flaky.
    /// </summary>
    private async Task WaitForwardingAsync(string port, string ns, string interfaceName)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var bridge = (await RunCheckedAsync(BridgeNamespace, "bridge", "-j", "link", "show", "dev", port)).Stdout;
            var link = (await CommandRunner.RunAsync(["ip", "-n", ns, "-j", "link", "show", interfaceName])).Stdout;
            if (bridge.Contains("\"state\":\"forwarding\"", StringComparison.Ordinal) && link.Contains("\"operstate\":\"UP\"", StringComparison.Ordinal))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"bridge port {port} / {ns} {interfaceName} not forwarding after 5 s: {bridge} {link}");
            }

            await Task.Delay(20);
        }
    }

    private async Task IpAsync(string ns, params string[] arguments) =>
        (await CommandRunner.RunAsync(["ip", "-n", ns, .. arguments])).EnsureSuccess($"ip -n {ns} {string.Join(' ', arguments)}");
}
