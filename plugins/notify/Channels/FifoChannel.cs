using System.Collections.Concurrent;
using System.Text;
using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Delivery;

namespace Vigil.Plugins.Notify.Channels;

/// <summary>
/// Writes keepalived's notify_fifo lines. Like keepalived it creates the fifo when missing and holds it open
/// read-write and non-blocking, so a write never waits for a reader; a full fifo is a failed delivery.
/// </summary>
internal sealed class FifoChannel : INotificationChannel, IDisposable
{
    private readonly ConcurrentDictionary<string, FifoHandle> _open = new(StringComparer.Ordinal);

    public string Name => ChannelNames.Fifo;

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        // A name can hold a newline only through a hostile configuration; it must not forge a second line.
        var line = notification.Body.ReplaceLineEndings(" ") + "\n";
        var handle = _open.GetOrAdd(notification.Target, FifoHandle.Open);
        handle.Write(Encoding.UTF8.GetBytes(line));
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var handle in _open.Values)
        {
            handle.Dispose();
        }

        _open.Clear();
    }
}
