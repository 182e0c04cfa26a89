namespace Vigil.Host.Options;

/// <summary>host.json's top level: which modules run, where things live, what the host exposes.</summary>
internal sealed class HostOptions
{
    /// <summary>This instance's name; admin socket, pid file and state paths derive from it. Defaults to <c>vigil</c>.</summary>
    public string Instance { get; set; } = "vigil";

    /// <summary>Where plugin folders live. Defaults to <c>plugins</c> beside the host's own folder.</summary>
    public PluginOptions Plugins { get; set; } = new();

    /// <summary>The cluster configuration (keepalived.conf or JSON).</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Modules by name. Defaults enable every module shipped with Vigil.</summary>
    public Dictionary<string, ModuleOptions> Modules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Prometheus endpoint.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>The admin endpoint.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary>The pid file. Defaults to <c>/run/vigil/&lt;instance&gt;.pid</c>; empty string disables it.</summary>
    public string? PidFile { get; set; }

    /// <summary>Persistent state. Defaults to <c>/var/lib/vigil/&lt;instance&gt;</c>.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Runtime files. Defaults to <c>/run/vigil/&lt;instance&gt;</c>.</summary>
    public string? RuntimeDirectory { get; set; }

    /// <summary>Syslog output besides the console.</summary>
    public SyslogOptions Syslog { get; set; } = new();

    public string ResolvedPidFile => PidFile ?? $"/run/vigil/{Instance}.pid";

    public string ResolvedStateDirectory => StateDirectory ?? $"/var/lib/vigil/{Instance}";

    public string ResolvedRuntimeDirectory => RuntimeDirectory ?? $"/run/vigil/{Instance}";

    public string ResolvedAdminSocket => string.IsNullOrEmpty(Admin.Socket) ? $"/run/vigil/{Instance}.sock" : Admin.Socket;
}

/// <summary>host.json <c>Plugins</c>.</summary>
internal sealed class PluginOptions
{
    /// <summary>The plugins directory; empty means <c>../plugins</c> relative to the host binary.</summary>
    public string Directory { get; set; } = "";
}

/// <summary>host.json <c>Cluster</c>.</summary>
internal sealed class ClusterOptions
{
    /// <summary>The cluster configuration file. Defaults to <c>/etc/keepalived/keepalived.conf</c>.</summary>
    public string ConfigFile { get; set; } = "/etc/keepalived/keepalived.conf";
}

/// <summary>One module's host.json entry; any other keys are the module's own settings.</summary>
internal sealed class ModuleOptions
{
    /// <summary>Whether the host loads the module at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>Start order, lowest first; modules stop in reverse. Defaults to 100.</summary>
    public int Order { get; set; } = 100;

    /// <summary>The plugin's folder name under the plugins directory, when it differs from the module name.</summary>
    public string? Folder { get; set; }
}

/// <summary>host.json <c>Metrics</c>.</summary>
internal sealed class MetricsOptions
{
    /// <summary>Whether the Prometheus endpoint runs. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Listen address. Defaults to loopback only.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Listen port. Defaults to 9650.</summary>
    public int Port { get; set; } = 9650;
}

/// <summary>host.json <c>Admin</c>.</summary>
internal sealed class AdminOptions
{
    /// <summary>The Unix socket path; empty means <c>/run/vigil/&lt;instance&gt;.sock</c>.</summary>
    public string Socket { get; set; } = "";
}

/// <summary>host.json <c>Syslog</c>.</summary>
internal sealed class SyslogOptions
{
    /// <summary>Whether logs also go to syslog through <c>/dev/log</c>. Defaults to false (under systemd the journal takes the console).</summary>
    public bool Enabled { get; set; }

    /// <summary>The syslog facility name. Defaults to <c>daemon</c>.</summary>
    public string Facility { get; set; } = "daemon";
}
