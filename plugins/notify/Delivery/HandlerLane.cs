using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Rules;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>
/// One handler's bounded queue and its single worker: a handler's notifications go out in event order
/// (MASTER before BACKUP), while a hung script or a dead SMTP server holds up only its own handler.
/// Each attempt runs under the handler's timeout; failures are retried with exponential backoff, then
/// logged, counted and listed in status.
/// </summary>
internal sealed partial class HandlerLane : IAsyncDisposable
{
    private readonly NotifyHandler _handler;
    private readonly INotificationChannel _channel;
    private readonly LaneServices _services;
    private readonly Channel<DeliveryItem> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;

    public HandlerLane(NotifyHandler handler, INotificationChannel channel, int capacity, LaneServices services)
    {
        _handler = handler;
        _channel = channel;
        _services = services;
        _queue = Channel.CreateBounded<DeliveryItem>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => OnDropped());
        _worker = Task.Run(RunAsync);
    }

    public NotifyHandler Handler => _handler;

    /// <summary>Queues an item; never waits (a full queue drops its oldest item, counted).</summary>
    public void Enqueue(DeliveryItem item) => _queue.Writer.TryWrite(item);

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
        _services.Metrics.Suppressed(_handler.Id, "queue_full");
        _services.Ledger.RecordSuppressed();
        LogQueueFull(_services.Logger, _handler.Id);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await DeliverAsync(item, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped.
        }
    }

    private async Task DeliverAsync(DeliveryItem item, CancellationToken stopping)
    {
        var facts = EventFacts.Of(item.Event);
        var what = $"{facts.Kind} {facts.Name} {facts.NewState}".TrimEnd();
        Notification notification;
        try
        {
            notification = NotificationRenderer.Render(_handler, item, _services.Host(), _services.RouterId());
        }
        catch (TemplateRenderException e)
        {
            Fail(what, 0, $"template error: {e.Message}");
            return;
        }

        var policy = _handler.Policy;
        for (var attempt = 1; ; attempt++)
        {
            using var deadline = new CancellationTokenSource(policy.Timeout, _services.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
            string error;
            try
            {
                await _channel.SendAsync(notification, linked.Token).ConfigureAwait(false);
                _services.Metrics.Delivered(_channel.Name, ok: true);
                _services.Ledger.RecordSuccess();
                LogDelivered(_services.Logger, _handler.Id, what);
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
                Fail(what, attempt, error);
                return;
            }

            var delay = policy.DelayBefore(attempt);
            LogRetrying(_services.Logger, _handler.Id, what, attempt, error, delay.TotalSeconds);
            _services.Metrics.Retried(_channel.Name);
            await Task.Delay(delay, _services.Time, stopping).ConfigureAwait(false);
        }
    }

    private void Fail(string what, int attempts, string error)
    {
        _services.Metrics.Delivered(_channel.Name, ok: false);
        _services.Ledger.RecordFailure(new DeliveryFailure(_services.Time.GetUtcNow(), _handler.Id, _channel.Name, what, attempts, error));
        LogFailed(_services.Logger, _handler.Id, what, attempts, error);
    }
}
