namespace Vigil.Demo;

/// <summary>The VRRP daemon a demo node runs: the Vigil built beside the demo, or keepalived to compare.</summary>
internal sealed class DemoDaemon
{
    private readonly bool _keepalived;

    private DemoDaemon(bool keepalived, string vigil, string plugins)
    {
        _keepalived = keepalived;
        Vigil = vigil;
        Plugins = plugins;
    }

    /// <summary>"Vigil" or "keepalived".</summary>
    public string Name => _keepalived ? "keepalived" : "Vigil";

    /// <summary>chk_nginx's script line for this daemon (null: the seed's).</summary>
    public string? CheckScript => _keepalived ? $"/usr/bin/killall -0 {DemoLayout.WebProcessName}" : null;

    /// <summary>The vigil executable (the apphost, not dotnet).</summary>
    public string Vigil { get; }

    /// <summary>The plugins directory beside that host.</summary>
    public string Plugins { get; }

    /// <summary>
    /// The daemon and plugins of the same build as the demo (artifacts/&lt;Configuration&gt;/host and plugins, beside
    /// its own demo/ folder); keepalived instead of Vigil when asked.
    /// </summary>
    public static DemoDaemon Create(bool keepalived)
    {
        var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ".."));
        return new DemoDaemon(keepalived, Path.Combine(artifacts, "host", "vigil"), Path.Combine(artifacts, "plugins"));
    }

    /// <summary>True for keepalived, which the IPVS cluster story cannot run: this machine's kernel may have no IPVS.</summary>
    public bool IsKeepalived => _keepalived;

    /// <summary>
    /// The daemon's command line for node <paramref name="name"/>, with its files (state directory included, so
    /// nothing is left under /var/lib/vigil) under <paramref name="directory"/>.
    /// </summary>
    public string[] Command(string name, string conf, string directory, DemoLayout layout)
    {
        var files = Path.Combine(directory, name);
        return _keepalived
            ? ["keepalived", "-n", "-l", "-P", "-f", conf, "-p", files + ".keepalived.pid", "-r", files + ".vrrp.pid"]
            :
            [
                Vigil, "run", "-f", conf, "--instance", $"{layout.Prefix}-{name}", "--admin-socket", files + ".sock",
                "-p", files + ".pid", "--set", "Metrics:Enabled=false", "--set", $"StateDirectory={files}.state", "--plugins-dir", Plugins,
            ];
    }
}
