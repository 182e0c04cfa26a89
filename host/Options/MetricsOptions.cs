namespace Vigil.Host.Options;

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
