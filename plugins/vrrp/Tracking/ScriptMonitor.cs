using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>
/// Runs one <c>vrrp_script</c> every <c>interval</c> on the thread pool, never on a VRRP thread, so a slow script cannot
/// delay advertisements; a run past <c>timeout</c> is killed and counts as a failure. The first result sets the state at
/// once (as keepalived does), later ones go through rise/fall; <c>init_fail</c> starts failed and needs <c>rise</c> successes.
/// </summary>
internal sealed partial class ScriptMonitor : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IScriptRunner _runner;
    private readonly TimeProvider _time;
    private readonly Action<TrackUpdate> _publish;
    private readonly ILogger _logger;
    private Task _loop = Task.CompletedTask;

    private ScriptMonitor(VrrpScriptOptions options, IScriptRunner runner, TimeProvider time, Action<TrackUpdate> publish, ILogger logger)
    {
        Options = options;
        _runner = runner;
        _time = time;
        _publish = publish;
        _logger = logger;
    }

    /// <summary>The script definition.</summary>
    public VrrpScriptOptions Options { get; }

    /// <summary>Starts the schedule.</summary>
    public static ScriptMonitor Start(VrrpScriptOptions options, IScriptRunner runner, TimeProvider time, Action<TrackUpdate> publish, ILogger logger)
    {
        var monitor = new ScriptMonitor(options, runner, time, publish, logger);
        monitor._loop = Task.Run(() => monitor.LoopAsync(monitor._stop.Token));
        return monitor;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping interrupts the wait between runs or a running script.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds((double)Options.Interval);
        var runOptions = new ScriptRunOptions(TimeSpan.FromSeconds((double)(Options.Timeout ?? Options.Interval)), Options.User?.Split(' ')[0]);
        ScriptCommand? command = null;
        try
        {
            command = ScriptCommand.Parse(Options.Script);
        }
        catch (FormatException e)
        {
            LogScriptFailed(Options.Name, e.Message);
        }

        var counter = Options.InitFail ? new ScriptResultCounter(Options.Rise, Options.Fall, initFail: true) : null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var success = false;
            if (command is not null)
            {
                var result = await _runner.RunAsync(command, [], runOptions, cancellationToken).ConfigureAwait(false);
                success = result.Succeeded;
                if (!success && (result.Error is not null || result.TimedOut))
                {
                    LogScriptFailed(Options.Name, result.Error ?? "timed out");
                }
            }

            if (counter is null)
            {
                counter = new ScriptResultCounter(Options.Rise, Options.Fall, initFail: !success);
                _publish(new TrackUpdate(TrackKind.Script, Options.Name, counter.Up));
            }
            else if (counter.Record(success))
            {
                _publish(new TrackUpdate(TrackKind.Script, Options.Name, counter.Up));
            }

            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
