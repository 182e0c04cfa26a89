namespace Vigil.Host.Demo;

/// <summary>The VRRP daemon a demo node runs: this Vigil, or keepalived to compare.</summary>
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

    /// <summary>The plugins directory beside the running host.</summary>
    public string Plugins { get; }

    /// <summary>The running host's own executable and plugins; keepalived instead of Vigil when asked.</summary>
    public static DemoDaemon Create(bool keepalived)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var vigil = Environment.ProcessPath is { } path && Path.GetFileName(path) == "vigil" ? path : Path.Combine(baseDirectory, "vigil");
        var plugins = Path.GetFullPath(Path.Combine(baseDirectory, "..", "plugins"));
        return new DemoDaemon(keepalived, vigil, plugins);
    }

    /// <summary>The daemon's command line for <paramref name="node"/>, with its files under <paramref name="directory"/>.</summary>
    public string[] Command(DemoNode node, string conf, string directory, DemoLayout layout)
    {
        var files = Path.Combine(directory, node.Name);
        return _keepalived
            ? ["keepalived", "-n", "-l", "-P", "-f", conf, "-p", files + ".keepalived.pid", "-r", files + ".vrrp.pid"]
            :
            [
                Vigil, "run", "-f", conf, "--instance", $"{layout.Prefix}-{node.Name}", "--admin-socket", files + ".sock",
                "-p", files + ".pid", "--set", "Metrics:Enabled=false", "--plugins-dir", Plugins,
            ];
    }
}
