namespace Vigil.Demo;

/// <summary>
/// One director at run time: its sorry server (the demo's web server answering "sorry (NAME)" on port 80 of every
/// address, where the nftables plane redirects the VIP when no real server is left) and its daemon.
/// </summary>
internal sealed class DirectorProcess(DemoLab lab, ClusterDirector director, DemoDaemon daemon, IReadOnlyList<ClusterRealServer> realServers)
{
    private GroupProcess? _daemon;
    private GroupProcess? _sorry;

    /// <summary>The director.</summary>
    public ClusterDirector Director => director;

    /// <summary>The daemon, once started, for error reports.</summary>
    public GroupProcess? Daemon => _daemon;

    /// <summary>False once the director was killed.</summary>
    public bool Alive { get; private set; } = true;

    /// <summary>The director's configuration file.</summary>
    public string ConfigPath => Path.Combine(lab.Directory, $"{director.Name}.conf");

    /// <summary>Starts the sorry server and waits until it listens.</summary>
    public void StartSorryServer()
    {
        _sorry = lab.Start($"{director.Name}'s sorry server",
            ["ip", "netns", "exec", director.Namespace, DemoCommand.Executable, "web", "--sorry", "--name", director.Name, "--port", ClusterLayout.PortText]);
        DemoLab.WaitListening(director.Namespace, ClusterLayout.Port, _sorry);
    }

    /// <summary>Writes the director's keepalived.conf and starts the daemon.</summary>
    public void StartDaemon()
    {
        File.WriteAllText(ConfigPath, ClusterConfigWriter.Render(director, realServers));
        _daemon = lab.Start($"{director.Name}'s {daemon.Name}",
            ["ip", "netns", "exec", director.Namespace, .. daemon.Command(director.Name, ConfigPath, lab.Directory, lab.Layout)]);
    }

    /// <summary>Which of the two VIPs the director has configured.</summary>
    public (bool Vip, bool Gateway) Holds() =>
        (DemoLab.HoldsAddress(director.Namespace, ClusterLayout.FrontInterface, ClusterLayout.Vip),
         DemoLab.HoldsAddress(director.Namespace, ClusterLayout.BackInterface, ClusterLayout.GatewayVip));

    /// <summary>
    /// The director dies as in a power cut: SIGKILL to its daemon's and sorry server's process groups, and both links
    /// go down, so it no longer answers for the VIPs it still has configured.
    /// </summary>
    public void Kill()
    {
        Alive = false;
        _daemon?.Kill();
        _sorry?.Kill();
        foreach (var device in new[] { ClusterLayout.FrontInterface, ClusterLayout.BackInterface })
        {
            ShortCommand.Run(["ip", "-n", director.Namespace, "link", "set", device, "down"]);
        }
    }
}
