namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>One relayed connection or flow.</summary>
internal interface IRelay
{
    /// <summary>Relays until both sides are done; never throws.</summary>
    Task RunAsync();

    /// <summary>Ends it now.</summary>
    void Abort();
}
