namespace Vigil.Demo;

/// <summary>
/// The namespace lab: bridges in namespaces of their own, and hosts joined to them by veth pairs (for the nginx story
/// one bridge, a namespace per node and one for the client). Nothing touches the root namespace's links.
/// <see cref="Dispose"/> kills every process group the demo started, then deletes the namespaces and the working
/// directory; it is idempotent and safe to call from a signal handler or at process exit.
/// </summary>
internal sealed class DemoLab : IDisposable
{
    private const string Bridge = "br0";
    private readonly List<string> _namespaces = [];
    private readonly List<GroupProcess> _processes = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public DemoLab(DemoLayout layout)
    {
        Layout = layout;
        Directory = System.IO.Directory.CreateTempSubdirectory($"vigil-demo-{layout.Prefix}-").FullName;
    }

    /// <summary>Names and addresses.</summary>
    public DemoLayout Layout { get; }

    /// <summary>Working directory for configuration files, sockets and pid files.</summary>
    public string Directory { get; }

    /// <summary>Creates the bridge, the node namespaces and the client namespace, and waits until every port forwards.</summary>
    public void Create()
    {
        AddBridges(Layout.BridgeNamespace, Bridge);
        foreach (var node in Layout.Nodes)
        {
            AddHost(node.Namespace);
            Connect(Layout.BridgeNamespace, Bridge, node.BridgePort, node.Namespace, DemoLayout.Interface, node.Address, DemoLayout.PrefixLength);
        }

        AddHost(Layout.ClientNamespace);
        Connect(Layout.BridgeNamespace, Bridge, "vc", Layout.ClientNamespace, DemoLayout.Interface, DemoLayout.ClientAddress, DemoLayout.PrefixLength);
        WaitForwarding(Layout.BridgeNamespace, Bridge, Layout.Nodes.Length + 1);
    }

    /// <summary>Creates namespace <paramref name="ns"/> holding one bridge per name in <paramref name="bridges"/>.</summary>
    public void AddBridges(string ns, params string[] bridges)
    {
        AddNamespace(ns);
        foreach (var bridge in bridges)
        {
            Ip(ns, "link", "add", bridge, "type", "bridge", "mcast_snooping", "0", "forward_delay", "0");
            Ip(ns, "link", "set", bridge, "up");
        }
    }

    /// <summary>Creates host namespace <paramref name="ns"/> with its loopback up.</summary>
    public void AddHost(string ns)
    {
        AddNamespace(ns);
        Ip(ns, "link", "set", "lo", "up");
    }

    /// <summary>
    /// Joins host <paramref name="ns"/> to <paramref name="bridge"/> by a veth pair: <paramref name="port"/> on the
    /// bridge's side, <paramref name="device"/> with <paramref name="address"/> (and <paramref name="mac"/>, else a
    /// random one) on the host's.
    /// </summary>
    public void Connect(string bridgeNs, string bridge, string port, string ns, string device, string address, int prefixLength, string? mac = null)
    {
        string[] peerMac = mac is null ? [] : ["address", mac];
        Ip(bridgeNs, ["link", "add", port, "type", "veth", "peer", "name", device, .. peerMac, "netns", ns]);
        Ip(bridgeNs, "link", "set", port, "master", bridge, "up");
        Ip(ns, "addr", "add", $"{address}/{prefixLength}", "dev", device);
        Ip(ns, "link", "set", device, "up");
    }

    /// <summary>Starts a process group and has it killed at cleanup.</summary>
    public GroupProcess Start(string name, IReadOnlyList<string> command, Action<string>? onLine = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var process = GroupProcess.Start(name, command, onLine);
            _processes.Add(process);
            return process;
        }
    }

    /// <summary>
    /// Kills every process group started so far and forgets it, leaving the namespaces: the next story starts on a
    /// quiet machine.
    /// </summary>
    public void StopProcesses()
    {
        GroupProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
            _processes.Clear();
        }

        foreach (var process in processes)
        {
            process.Dispose();
        }
    }

    /// <summary>True when namespace <paramref name="ns"/> holds the VIP.</summary>
    public static bool HoldsVip(string ns) => HoldsAddress(ns, DemoLayout.Interface, DemoLayout.Vip);

    /// <summary>True when <paramref name="device"/> in namespace <paramref name="ns"/> has <paramref name="address"/>.</summary>
    public static bool HoldsAddress(string ns, string device, string address) =>
        ShortCommand.Run(["ip", "-n", ns, "-4", "-o", "addr", "show", "dev", device])
            .Stdout.Contains($" {address}/", StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        GroupProcess[] processes;
        string[] namespaces;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            processes = [.. _processes];
            namespaces = [.. _namespaces];
        }

        foreach (var process in processes)
        {
            process.Dispose();
        }

        foreach (var ns in namespaces.Reverse())
        {
            ShortCommand.Run(["ip", "netns", "del", ns]);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A socket or pid file still being removed by a dying process; the directory is under /tmp anyway.
        }
    }

    private void AddNamespace(string ns)
    {
        ShortCommand.RunChecked("ip", "netns", "add", ns);
        lock (_gate)
        {
            _namespaces.Add(ns);
        }
    }

    /// <summary>Waits until something in namespace <paramref name="ns"/> listens on TCP port <paramref name="port"/>, started as <paramref name="process"/>.</summary>
    public static void WaitListening(string ns, int port, GroupProcess process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (ShortCommand.Run(["ip", "netns", "exec", ns, "ss", "-Hltn", $"sport = :{port}"]).Stdout.Trim().Length == 0)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new DemoException($"{process.Name} did not listen on port {port}:\n{process.Tail()}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// Waits until <paramref name="ports"/> ports of <paramref name="bridge"/> forward: carrier reaches the bridge
    /// through the kernel's linkwatch up to a second later, and adverts sent before are lost.
    /// </summary>
    public static void WaitForwarding(string bridgeNs, string bridge, int ports)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var links = ShortCommand.Run(["ip", "-n", bridgeNs, "-o", "link", "show", "master", bridge]).Stdout;
            if (links.Split('\n').Count(l => l.Contains("state UP", StringComparison.Ordinal)) >= ports)
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new DemoException($"the ports of bridge {bridge} in {bridgeNs} did not come up within 5 s");
    }

    private static void Ip(string ns, params string[] arguments) => ShortCommand.RunChecked(["ip", "-n", ns, .. arguments]);
}
