namespace Vigil.Testing.Netns;

/// <summary>Teardown: every started process group is stopped before the namespaces are deleted.</summary>
public sealed partial class NetnsLab
{
    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LabProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }

        await Task.WhenAll(processes.Select(p => p.StopAsync()));
        foreach (var ns in Namespaces().Reverse())
        {
            await CommandRunner.RunAsync(["ip", "netns", "del", ns]);
        }

        LabRegistry.Remove(this);
    }

    /// <summary>Synchronous teardown for process exit.</summary>
    internal void CleanupNow()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LabProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }

        foreach (var process in processes)
        {
            process.Kill();
        }

        foreach (var ns in Namespaces().Reverse())
        {
            CommandRunner.RunQuietly("ip", "netns", "del", ns);
        }
    }
}
