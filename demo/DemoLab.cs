namespace Vigil.Demo;

/// <summary>
/// The namespace lab: a bridge namespace, one namespace per node and one for the client, each joined to the bridge
/// by a veth pair. Nothing touches the root namespace's links. <see cref="Dispose"/> kills every process group the
/// demo started, then deletes the namespaces and the working directory; it is idempotent and safe to call from a
/// signal handler or at process exit.
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
        AddNamespace(Layout.BridgeNamespace);
        Ip(Layout.BridgeNamespace, "link", "add", Bridge, "type", "bridge", "mcast_snooping", "0", "forward_delay", "0");
        Ip(Layout.BridgeNamespace, "link", "set", Bridge, "up");
        foreach (var node in Layout.Nodes)
        {
            AddHost(node.Namespace, node.BridgePort, node.Address);
        }

        AddHost(Layout.ClientNamespace, "vc", DemoLayout.ClientAddress);
        WaitForwarding(Layout.Nodes.Length + 1);
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

    /// <summary>True when namespace <paramref name="ns"/> holds the VIP.</summary>
    public static bool HoldsVip(string ns) =>
        ShortCommand.Run(["ip", "-n", ns, "-4", "-o", "addr", "show", "dev", DemoLayout.Interface])
            .Stdout.Contains($" {DemoLayout.Vip}/", StringComparison.Ordinal);

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

    private void AddHost(string ns, string port, string address)
    {
        AddNamespace(ns);
        Ip(Layout.BridgeNamespace, "link", "add", port, "type", "veth", "peer", "name", DemoLayout.Interface, "netns", ns);
        Ip(Layout.BridgeNamespace, "link", "set", port, "master", Bridge, "up");
        Ip(ns, "link", "set", "lo", "up");
        Ip(ns, "addr", "add", $"{address}/{DemoLayout.PrefixLength}", "dev", DemoLayout.Interface);
        Ip(ns, "link", "set", DemoLayout.Interface, "up");
    }

    /// <summary>Carrier reaches the bridge through the kernel's linkwatch up to a second later; adverts sent before are lost.</summary>
    private void WaitForwarding(int ports)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var links = ShortCommand.Run(["ip", "-n", Layout.BridgeNamespace, "-o", "link", "show", "master", Bridge]).Stdout;
            if (links.Split('\n').Count(l => l.Contains("state UP", StringComparison.Ordinal)) >= ports)
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new DemoException("the lab's bridge ports did not come up within 5 s");
    }

    private static void Ip(string ns, params string[] arguments) => ShortCommand.RunChecked(["ip", "-n", ns, .. arguments]);
}
