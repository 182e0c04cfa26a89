using System.Collections.Concurrent;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>The plane's running connections and flows, which outlive their endpoint and end with the plane.</summary>
internal sealed class RelayTracker
{
    private readonly ConcurrentDictionary<IRelay, Task> _running = new();

    /// <summary>Runs <paramref name="relay"/> until it ends.</summary>
    public void Run(IRelay relay)
    {
        var task = RunAsync(relay);
        if (!task.IsCompleted)
        {
            _running[relay] = task;
            if (task.IsCompleted)
            {
                _running.TryRemove(relay, out _);
            }
        }
    }

    /// <summary>How many are running.</summary>
    public int Count => _running.Count;

    /// <summary>Aborts every one and waits for them to end.</summary>
    public async Task AbortAllAsync()
    {
        foreach (var relay in _running.Keys)
        {
            relay.Abort();
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    private async Task RunAsync(IRelay relay)
    {
        try
        {
            await relay.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(relay, out _);
        }
    }
}
