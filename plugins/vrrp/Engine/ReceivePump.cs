using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>A thread that reads one instance's socket and hands each packet to its runner, so the runner waits on one queue.</summary>
internal sealed class ReceivePump
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly InstanceContext _instance;
    private readonly GroupRunner _runner;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private ReceivePump(InstanceContext instance, GroupRunner runner)
    {
        _instance = instance;
        _runner = runner;
        _thread = new Thread(Loop) { IsBackground = true, Name = $"vrrp rx {instance.Name}" };
    }

    /// <summary>Starts a pump for <paramref name="instance"/>.</summary>
    public static ReceivePump Start(InstanceContext instance, GroupRunner runner)
    {
        var pump = new ReceivePump(instance, runner);
        pump._thread.Start();
        return pump;
    }

    /// <summary>Stops the thread (within one poll interval).</summary>
    public void Stop()
    {
        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(PollInterval * 3);
        }
    }

    private void Loop()
    {
        while (!_stopping)
        {
            try
            {
                if (_instance.Socket.TryReceive(PollInterval, out var datagram) && datagram is not null)
                {
                    _runner.Post(new ReceivedInput(_instance, datagram));
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or Os.OsException)
            {
                if (_stopping)
                {
                    return;
                }

                Thread.Sleep(PollInterval);
            }
        }
    }
}
