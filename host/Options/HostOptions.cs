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
