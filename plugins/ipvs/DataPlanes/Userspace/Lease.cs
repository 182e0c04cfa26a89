namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>A server chosen for one connection or flow; <see cref="Dispose"/> when it ends, for persistence.</summary>
internal sealed class Lease(BackendState backend, PersistenceTable? persistence, UInt128 key) : IDisposable
{
    private int _released;

    /// <summary>The server.</summary>
    public BackendState Backend { get; } = backend;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            persistence?.Release(key);
        }
    }
}
