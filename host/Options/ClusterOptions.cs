namespace Vigil.Host.Options;

/// <summary>host.json <c>Cluster</c>.</summary>
internal sealed class ClusterOptions
{
    /// <summary>The cluster configuration file. Defaults to <c>/etc/keepalived/keepalived.conf</c>.</summary>
    public string ConfigFile { get; set; } = "/etc/keepalived/keepalived.conf";
}
