namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>The forwarder's timeouts and switches.</summary>
/// <param name="ConnectTimeout">How long a connection to a real server may take before the client is dropped.</param>
/// <param name="UdpIdleTimeout">How long a UDP flow lives without a datagram (IPVS's udp timeout, 300 s).</param>
/// <param name="UseSplice">Relay TCP with splice(2); false copies through pooled buffers.</param>
internal sealed record ForwarderSettings(TimeSpan ConnectTimeout, TimeSpan UdpIdleTimeout, bool UseSplice = true)
{
    /// <summary>10 s to connect, 300 s UDP idle, splice on.</summary>
    public static ForwarderSettings Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300));
}
