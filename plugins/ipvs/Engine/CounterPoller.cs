using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>
/// Reads the data plane's counters every few seconds into the <see cref="CounterCache"/>. A failed read is logged once
/// per run of failures and never stops forwarding: counters are a side part.
/// </summary>
internal sealed partial class CounterPoller : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly VirtualServerController _controller;
    private readonly CounterCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger<CounterPoller> _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Creates the poller; <see cref="Start"/> starts it.</summary>
    public CounterPoller(VirtualServerController controller, CounterCache cache, TimeProvider time, ILogger<CounterPoller> logger)
    {
        _controller = controller;
        _cache = cache;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts polling.</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_controller.Plane is { } plane)
                {
                    _cache.Update(await plane.ReadCountersAsync(cancellationToken).ConfigureAwait(false));
                }

                failing = false;
                await Task.Delay(Interval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!failing)
                {
                    LogReadFailed(e.Message);
                    failing = true;
                }

                try
                {
                    await Task.Delay(Interval, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 9020, Level = LogLevel.Warning, Message = "reading the data plane's counters failed (forwarding goes on; retried every 2 s): {Reason}")]
    private partial void LogReadFailed(string reason);
}
