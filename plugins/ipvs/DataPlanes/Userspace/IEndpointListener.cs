using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>One virtual endpoint being served: a TCP listener or a UDP relay.</summary>
internal interface IEndpointListener : IAsyncDisposable
{
    /// <summary>The endpoint.</summary>
    VirtualServerKey Endpoint { get; }

    /// <summary>The service it schedules for; replaced when the endpoint moves to another service.</summary>
    ServiceRuntime Runtime { get; set; }

    /// <summary>Starts serving.</summary>
    void Start();
}
