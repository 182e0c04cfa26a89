using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Checkers.Configuration;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>
/// Runs every configured check on one timer loop over one <see cref="CheckQueue{T}"/>: no thread per check, probes are
/// asynchronous and run side by side. Applies keepalived's rules (<see cref="CheckTracker"/>, <see cref="HealthVerdict"/>)
/// and writes each real server's health to the shared state, publishing a <see cref="RealServerStateChanged"/> once per
/// change of up or down.
/// </summary>
/// <remarks>
/// The next probe is scheduled when the previous one ends, as keepalived does, so a slow server is never probed twice at
/// once. Every probe is bounded by twice the longer of its <c>connect_timeout</c> and <c>delay_loop</c>, so a probe that
/// ignores its own timeout cannot stop its check for good. A cycle allocates no timer: the loop re-arms one timer, each
/// check re-arms its own bound, and a result wakes the loop only when it is due before the loop would wake anyway.
/// </remarks>
internal sealed partial class HealthEngine(
    IClusterState state,
    IEventBus bus,
    TimeProvider time,
    ILogger<HealthEngine> logger,
    WarmupPicker warmup) : IAsyncDisposable
{
    /// <summary>The module name written as the source of state entries and events.</summary>
    public const string Source = "checkers";

    private readonly Lock _gate = new();
    private readonly CheckQueue<CheckRunner> _queue = new();
    private readonly Dictionary<CheckIdentity, CheckRunner> _checks = [];
    private readonly Dictionary<(VirtualServerKey, RealServerKey), RealServerEntry> _servers = [];
    private readonly HashSet<Task> _running = [];
    private readonly List<CheckRunner> _due = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CheckerOptions _options = new(false, false);
    private IReadOnlySet<VirtualServerKey> _omega = new HashSet<VirtualServerKey>();
    private Task? _loop;
    private ITimer? _timer;
    private TaskCompletionSource? _drained;
    private bool _disposed;
    private bool _waiting;
    private DateTimeOffset? _waitingUntil;
    private DateTimeOffset? _planned;
    private int _probing;

    /// <summary>How many checks run.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _checks.Count;
            }
        }
    }

    /// <summary>
    /// True while nothing is left to do until time passes: the loop waits for a due time still ahead (or for work) and no
    /// probe runs. Lets a test on a fake clock move time only once the engine has caught up with it.
    /// </summary>
    internal bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _waiting && _probing == 0 && (_waitingUntil is not { } due || due > time.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// Runs exactly <paramref name="definitions"/>: checks found again (<see cref="CheckIdentity"/>) keep running with their
    /// state, new ones start (after their warmup, up unless <c>alpha</c>), missing ones stop and their servers' health
    /// entries go when no check is left. The first call starts the loop.
    /// </summary>
    /// <param name="definitions">The configured checks.</param>
    /// <param name="options">The <c>global_defs</c> options.</param>
    /// <param name="omega">The virtual servers whose up real servers are announced down when the engine stops.</param>
    public void Apply(IReadOnlyList<CheckDefinition> definitions, CheckerOptions options, IReadOnlySet<VirtualServerKey> omega)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Probes are built before anything changes, so a checker that throws leaves the running checks as they were.
        Dictionary<CheckIdentity, IHealthCheck> created;
        lock (_gate)
        {
            created = definitions.Where(d => !_checks.ContainsKey(d.Identity)).ToDictionary(d => d.Identity, d => d.Create());
        }

        lock (_gate)
        {
            _options = options;
            _omega = omega;
            var wanted = definitions.Select(d => d.Identity).ToHashSet();
            var touched = new HashSet<RealServerEntry>();
            foreach (var (identity, runner) in _checks.Where(p => !wanted.Contains(p.Key)).ToList())
            {
                _checks.Remove(identity);
                runner.Server.Checks.Remove(runner);
                touched.Add(runner.Server);
                Retire(runner);
                LogCheckRemoved(runner.Definition.Checker.Name, identity.RealServer, identity.VirtualServer);
            }

            var now = time.GetUtcNow();
            var order = new Dictionary<RealServerEntry, List<CheckRunner>>();
            foreach (var definition in definitions)
            {
                var id = definition.Identity;
                if (!_servers.TryGetValue((id.VirtualServer, id.RealServer), out var server))
                {
                    server = new RealServerEntry(id.VirtualServer, id.RealServer);
                    _servers.Add((id.VirtualServer, id.RealServer), server);
                }

                if (server.Weight != definition.Settings.Context.Weight)
                {
                    server.Weight = definition.Settings.Context.Weight;
                    touched.Add(server);
                }

                if (!_checks.TryGetValue(id, out var runner))
                {
                    runner = new CheckRunner(definition, created[id], server, time);
                    _checks.Add(id, runner);
                    _queue.Schedule(runner, now + warmup.Pick(definition.Settings.Schedule.Warmup));
                    touched.Add(server);
                    LogCheckAdded(definition.Checker.Name, id.RealServer, id.VirtualServer, definition.Settings.Connect.ToString());
                }

                if (!order.TryGetValue(server, out var list))
                {
                    order[server] = list = [];
                }

                list.Add(runner);
            }

            foreach (var (server, list) in order)
            {
                server.Checks.Clear();
                server.Checks.AddRange(list);
            }

            foreach (var server in touched)
            {
                if (server.Checks.Count == 0)
                {
                    _servers.Remove((server.VirtualServer, server.RealServer));
                    state.Remove(server.Key);
                    continue;
                }

                var first = server.Published is null;
                Evaluate(server, new HealthCause(server.Checks[0].Definition.Checker.Name, first ? server.Checks[0].Reason : "configuration reloaded"), first && _options.InitialNotifies);
            }

            _timer ??= time.CreateTimer(static engine => ((HealthEngine)engine!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
            Wake();
        }
    }

    /// <summary>Stops the loop and every probe, disposes the probes and, for <c>omega</c> virtual servers, announces their up real servers down.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
            foreach (var runner in _checks.Values)
            {
                _queue.Cancel(runner);
                Retire(runner);
            }

            foreach (var server in _servers.Values.Where(s => _omega.Contains(s.VirtualServer) && s.Published is { Up: true }))
            {
                bus.Publish(new RealServerStateChanged(server.VirtualServer, server.RealServer, false, server.Published!.Checker, "shutdown (omega)") { Source = Source });
            }

            _checks.Clear();
            _servers.Clear();
            Wake();
            if (_probing > 0)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (_drained is { } drained)
        {
            await drained.Task.ConfigureAwait(false);
        }

        lock (_gate)
        {
            running = [.. _running, .. _loop is null ? [] : new[] { _loop }];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var due = _due;
            due.Clear();
            Task wake;
            TimeSpan? wait;
            DateTimeOffset? until;
            lock (_gate)
            {
                // Stopping cancels and wakes under this lock: seen here, or the wake-up below is already complete.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                var now = time.GetUtcNow();
                while (_queue.TryTakeDue(now, out var runner))
                {
                    runner.Probing = true;
                    _probing++;
                    due.Add(runner);
                }

                wake = _wake.Task;
                until = _queue.NextDue;
                wait = until - now;
                _planned = until;
            }

            // Started outside the lock: a probe that completes at once re-enters it to record its result.
            foreach (var runner in due)
            {
                _ = ProbeAsync(runner);
            }

            if (due.Count > 0)
            {
                continue;
            }

            _timer!.Change(wait is { } w ? w : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            lock (_gate)
            {
                // A wake-up that came meanwhile means more work: the loop goes round at once and is not idle.
                _waiting = !wake.IsCompleted;
                _waitingUntil = until;
            }

            await wake.ConfigureAwait(false);
        }
    }

    // A timer armed for an earlier wait may fire late or twice: the loop only goes round once more.
    private void OnTimer()
    {
        lock (_gate)
        {
            Wake();
        }
    }

    private async Task ProbeAsync(CheckRunner runner)
    {
        var settings = runner.Definition.Settings;
        var longest = settings.ConnectTimeout > settings.Schedule.DelayLoop ? settings.ConnectTimeout : settings.Schedule.DelayLoop;
        var bound = 2 * (runner.Check.ProbeTimeout > longest ? runner.Check.ProbeTimeout : longest);
        var cancel = runner.Cancel;
        cancel.CancelAfter(bound);
        CheckResult? result;
        try
        {
            result = await runner.Check.ProbeAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (runner.Retired)
        {
            result = null;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            result = CheckResult.Fail(CheckFailureKind.Timeout, $"probe did not end within {bound.TotalSeconds:0.###} s");
        }
#pragma warning disable CA1031 // A third-party probe that throws fails its check; it must not stop the engine.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogProbeThrew(e, runner.Definition.Checker.Name, runner.Server.RealServer);
            result = CheckResult.Fail(CheckFailureKind.Error, e.Message);
        }

        Record(runner, result);
    }

    private void Record(CheckRunner runner, CheckResult? result)
    {
        lock (_gate)
        {
            runner.Probing = false;
            _probing--;
            if (runner.Retired || result is null)
            {
                if (runner.Retired)
                {
                    Track(DisposeCheckAsync(runner));
                }

                if (_probing == 0)
                {
                    _drained?.TrySetResult();
                }

                return;
            }

            runner.Rearm();
            var (wasUp, reason, weight) = (runner.Tracker.Up, runner.Reason, runner.Weight);
            var step = runner.Tracker.Record(result.Healthy);
            var name = runner.Definition.Checker.Name;
            if (!result.Healthy)
            {
                if (step.Changed || _options.LogAllFailures || runner.Definition.Settings.Schedule.LogAllFailures)
                {
                    LogFailure(name, runner.Server.RealServer, runner.Server.VirtualServer, result.Detail);
                }
                else
                {
                    LogFailureQuiet(name, runner.Server.RealServer, runner.Server.VirtualServer, result.Detail, runner.Tracker.RetriesUsed);
                }
            }

            // A failure still being retried does not count yet, so it does not replace the reason on record.
            if (runner.Tracker.RetriesUsed == 0)
            {
                runner.Reason = result.Reason;
                runner.Weight = result.Healthy ? result.Weight : null;
            }

            var next = time.GetUtcNow() + step.NextDelay;
            _queue.Schedule(runner, next);

            // An unchanged check leaves the verdict as it was; most results change nothing.
            if (runner.Tracker.Up != wasUp || runner.Reason != reason || runner.Weight != weight)
            {
                Evaluate(runner.Server, new HealthCause(name, runner.Reason), false);
            }

            if (_planned is not { } planned || next < planned)
            {
                Wake();
            }
        }
    }

    // Writes the server's health when it differs from the last written, and publishes an event when it went up or down.
    private void Evaluate(RealServerEntry server, HealthCause cause, bool announceFirst)
    {
        var previous = server.Published;
        var health = HealthVerdict.Decide(server.VirtualServer, server.RealServer, server.Weight, server.Checks.Select(c => c.View).ToList(), cause, previous);
        if (health == previous)
        {
            return;
        }

        server.Published = health;
        state.Set(server.Key, health, Source);
        if (previous is null ? announceFirst : previous.Up != health.Up)
        {
            bus.Publish(new RealServerStateChanged(server.VirtualServer, server.RealServer, health.Up, health.Checker, health.Reason) { Source = Source });
        }

        if (previous is not null && previous.Up != health.Up)
        {
            LogServerChanged(server.RealServer, server.VirtualServer, health.Up ? "up" : "down", health.Checker, health.Reason);
        }
    }

    private void Retire(CheckRunner runner)
    {
        runner.Retired = true;
        _queue.Cancel(runner);
        runner.Cancel.Cancel();
        if (!runner.Probing)
        {
            Track(DisposeCheckAsync(runner));
        }
    }

    private async Task DisposeCheckAsync(CheckRunner runner)
    {
        await Task.Yield();
        try
        {
            await runner.Check.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A probe failing to release its socket must not stop the others being released.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogDisposeFailed(e, runner.Definition.Checker.Name, runner.Server.RealServer);
        }
        finally
        {
            runner.Cancel.Dispose();
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            if (task.IsCompleted)
            {
                return;
            }

            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Wake()
    {
        _waiting = false;
        var old = _wake;
        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }
}
