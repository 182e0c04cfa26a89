namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    /// <summary>Starts the runner thread and one receive thread per instance.</summary>
    public void StartThreads()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = $"vrrp {Name}" };
        _thread.Start();
        foreach (var instance in Instances)
        {
            _pumps.Add(ReceivePump.Start(instance, this));
        }
    }

    /// <summary>Shuts the instances down (priority 0, release addresses) and waits for the threads to end.</summary>
    public void Stop(TimeSpan timeout)
    {
        Post(new ShutdownInput());
        if (_thread is not null && !_thread.Join(timeout))
        {
            LogStopTimedOut(Name);
        }

        foreach (var pump in _pumps)
        {
            pump.Stop();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var pump in _pumps)
        {
            pump.Stop();
        }

        foreach (var instance in Instances)
        {
            instance.Socket.Dispose();
        }

        _inbox.Dispose();
    }

    private void Loop()
    {
        try
        {
            StartRouters();
            while (RunOnce(TimeSpan.FromSeconds(1)))
            {
            }
        }
        catch (Exception e)
        {
            LogEngineCrashed(e, Name);
        }
        finally
        {
            try
            {
                _inbox.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
                // Stop gave up waiting for this thread and the runner was disposed under it.
            }
        }
    }
}
