using Vigil.Linux.Threading;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    /// <summary>The nice value of VRRP threads: ahead of ordinary work on a busy machine, never real-time.</summary>
    internal const int ThreadNice = -10;

    /// <summary>Starts the runner thread; it also reads the instances' sockets.</summary>
    public void StartThreads()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = $"vrrp {Name}" };
        _thread.Start();
    }

    /// <summary>Shuts the instances down (priority 0, release addresses) and waits for the thread to end.</summary>
    public void Stop(TimeSpan timeout)
    {
        Post(new ShutdownInput());
        if (_thread is not null && !_thread.Join(timeout))
        {
            LogStopTimedOut(Name);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _finished = true;
        foreach (var instance in Instances)
        {
            instance.Socket.Dispose();
        }

        _waiter.Dispose();
    }

    private void Loop()
    {
        ThreadScheduling.TrySetCurrentNice(ThreadNice);
        try
        {
            StartRouters();
            while (RunOnce(Timeout.InfiniteTimeSpan))
            {
            }
        }
        catch (Exception e)
        {
            LogEngineCrashed(e, Name);
        }
        finally
        {
            _finished = true;
        }
    }
}
