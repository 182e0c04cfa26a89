using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Rules;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>
/// A bounded queue and its single worker. Each handler has one, except that keepalived's scripts of one
/// instance (notify_master, notify_backup, …, notify) share one so they run in event order (MASTER before
/// BACKUP); a hung script or a dead SMTP server holds up only its own lane.
/// Each attempt runs under the handler's timeout; failures are retried with exponential backoff, then
/// logged, counted and listed in status.
/// </summary>
internal sealed partial class HandlerLane : IAsyncDisposable
{
    private readonly string _name;
    private readonly LaneServices _services;
    private readonly Channel<Work> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;

    public HandlerLane(string name, int capacity, LaneServices services)
    {
        _name = name;
        _services = services;
        _queue = Channel.CreateBounded<Work>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => OnDropped());
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Queues an item for <paramref name="handler"/>; never waits (a full queue drops its oldest item, counted).</summary>
    public void Enqueue(NotifyHandler handler, INotificationChannel channel, DeliveryItem item) =>
        _queue.Writer.TryWrite(new Work(handler, channel, item));

    /// <summary>Lets the worker finish what is queued, at most <paramref name="grace"/>, then cancels it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(_worker, Task.Delay(grace, _services.Time)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _worker.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void OnDropped()
    {
        _services.Metrics.Suppressed(_name, "queue_full");
        _services.Ledger.RecordSuppressed();
        LogQueueFull(_services.Logger, _name);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await DeliverAsync(work.Handler, work.Channel, work.Item, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped.
        }
    }

    private async Task DeliverAsync(NotifyHandler handler, INotificationChannel channel, DeliveryItem item, CancellationToken stopping)
    {
        var facts = EventFacts.Of(item.Event);
        var what = $"{facts.Kind} {facts.Name} {facts.NewState}".TrimEnd();
        Notification notification;
        try
        {
            notification = NotificationRenderer.Render(handler, item, _services.Host(), _services.RouterId());
        }
        catch (TemplateRenderException e)
        {
            Fail(handler, channel, what, 0, $"template error: {e.Message}");
            return;
        }

        var policy = handler.Policy;
        for (var attempt = 1; ; attempt++)
        {
            using var deadline = new CancellationTokenSource(policy.Timeout, _services.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
            string error;
            try
            {
                await channel.SendAsync(notification, linked.Token).ConfigureAwait(false);
                _services.Metrics.Delivered(channel.Name, ok: true);
                _services.Ledger.RecordSuccess();
                LogDelivered(_services.Logger, handler.Id, what);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                error = $"timed out after {policy.Timeout.TotalSeconds:0.###} s";
            }
            catch (Exception e)
            {
                error = e.Message;
            }

            if (attempt > policy.Retries)
            {
                Fail(handler, channel, what, attempt, error);
                return;
            }

            var delay = policy.DelayBefore(attempt);
            LogRetrying(_services.Logger, handler.Id, what, attempt, error, delay.TotalSeconds);
            _services.Metrics.Retried(channel.Name);
            await Task.Delay(delay, _services.Time, stopping).ConfigureAwait(false);
        }
    }

    private void Fail(NotifyHandler handler, INotificationChannel channel, string what, int attempts, string error)
    {
        _services.Metrics.Delivered(channel.Name, ok: false);
        _services.Ledger.RecordFailure(new DeliveryFailure(_services.Time.GetUtcNow(), handler.Id, channel.Name, what, attempts, error));
        LogFailed(_services.Logger, handler.Id, what, attempts, error);
    }

    private sealed record Work(NotifyHandler Handler, INotificationChannel Channel, DeliveryItem Item);
}
