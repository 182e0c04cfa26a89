using System.Threading.Channels;
using Vigil.Abstractions.State;

namespace Vigil.Host.State;

/// <summary>
/// One reader of the store: its own task calls the reader with the newest snapshot whenever a watched type changed,
/// one call at a time. Wake-ups coalesce (a slow reader skips intermediate versions, never the last), and a reader
/// that throws is called again after its retry delay with whatever is newest then.
/// </summary>
internal sealed class StateWatch : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Func<IStateSnapshot, CancellationToken, Task> _reconcile;
    private readonly IReadOnlySet<Type>? _types;
    private readonly TimeSpan _retry;
    private readonly Func<StateSnapshot> _current;
    private readonly Action<StateWatch, Exception> _onFailure;
    private readonly Action<StateWatch> _onDispose;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public StateWatch(
        string reader,
        Func<IStateSnapshot, CancellationToken, Task> reconcile,
        StateWatchOptions options,
        Func<StateSnapshot> current,
        Action<StateWatch, Exception> onFailure,
        Action<StateWatch> onDispose,
        TimeProvider time)
    {
        Reader = reader;
        _reconcile = reconcile;
        _types = options.Types is null ? null : new HashSet<Type>(options.Types);
        _retry = options.RetryAfterFailure;
        _current = current;
        _onFailure = onFailure;
        _onDispose = onDispose;
        _time = time;
        Completion = Task.Run(RunAsync, CancellationToken.None);
    }

    public string Reader { get; }

    public Task Completion { get; }

    /// <summary>Wakes the reader when <paramref name="changed"/> is a type it watches; never blocks.</summary>
    public void Notify(Type changed)
    {
        if (_types is null || _types.Contains(changed))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>Stops the reader; its task ends after the call under way, if any, and releases what it holds.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _onDispose(this);
        _stopping.Cancel();
        _wake.Writer.TryComplete();
    }

    private async Task RunAsync()
    {
        try
        {
            await LoopAsync(_stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            // Only Dispose ends the loop, and it cancels before anything can observe the end, so nothing uses the source after this.
            _stopping.Dispose();
        }
    }

    private async Task LoopAsync(CancellationToken token)
    {
        var handled = -1L;
        var failed = false;
        while (!token.IsCancellationRequested)
        {
            var snapshot = _current();
            if (failed || snapshot.Version != handled)
            {
                try
                {
                    await _reconcile(snapshot, token).ConfigureAwait(false);
                    handled = snapshot.Version;
                    failed = false;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    failed = true;
                    _onFailure(this, e);
                }
            }

            if (!await WaitAsync(failed, token).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Waits for a change, or for the retry delay after a failure; false once the watch is disposed.</summary>
    private async Task<bool> WaitAsync(bool failed, CancellationToken token)
    {
        try
        {
            if (!failed)
            {
                return await _wake.Reader.WaitToReadAsync(token).ConfigureAwait(false) && _wake.Reader.TryRead(out _);
            }

            using var retry = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = Task.Delay(_retry, _time, retry.Token);
            var woken = _wake.Reader.WaitToReadAsync(retry.Token).AsTask();
            await Task.WhenAny(delay, woken).ConfigureAwait(false);
            await retry.CancelAsync().ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
            return !token.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
