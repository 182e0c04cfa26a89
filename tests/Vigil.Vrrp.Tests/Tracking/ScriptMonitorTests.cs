using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Vrrp.Tests.Tracking;

public class ScriptMonitorTests
{
    [Fact]
    public async Task Results_FirstSetsStateAtOnce_ThenFallAndTimeoutCountAsFailures()
    {
        var time = new FakeTimeProvider();
        var results = new Queue<ScriptResult>([Ok, new ScriptResult(null, true, null, ""), new ScriptResult(1, false, null, ""), Ok]);
        var runner = new QueueRunner(results);
        var updates = new ConcurrentQueue<TrackUpdate>();
        var options = new VrrpScriptOptions("chk", "[[ -f /x ]] && exit 1 || exit 0", Interval: 1, Fall: 2);

        await using (var monitor = ScriptMonitor.Start(options, runner, time, updates.Enqueue, NullLogger.Instance))
        {
            for (var i = 0; i < 2; i++)
            {
                await WaitAsync(() => runner.Runs > i, () => $"runs {runner.Runs} i {i}");
                await Task.Delay(20);
                time.Advance(TimeSpan.FromSeconds(1));
            }

            await WaitAsync(() => updates.Count == 2, () => $"runs {runner.Runs} updates {string.Join(",", updates)}");
        }

        Assert.Equal([true, false], updates.Select(u => u.Up));
        Assert.Equal("/bin/bash", runner.Commands.First().FileName);
        Assert.Equal(TimeSpan.FromSeconds(1), runner.Timeouts.First());
    }

    private static readonly ScriptResult Ok = new(0, false, null, "");

    private static async Task WaitAsync(Func<bool> condition, Func<string> describe)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), describe());
    }

    private sealed class QueueRunner(Queue<ScriptResult> results) : IScriptRunner
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public ConcurrentQueue<ScriptCommand> Commands { get; } = new();

        public ConcurrentQueue<TimeSpan> Timeouts { get; } = new();

        public Task<ScriptResult> RunAsync(ScriptCommand command, IReadOnlyList<string> extraArguments, ScriptRunOptions options, CancellationToken cancellationToken)
        {
            Commands.Enqueue(command);
            Timeouts.Enqueue(options.Timeout);
            ScriptResult result;
            lock (results)
            {
                result = results.Count > 0 ? results.Dequeue() : Ok;
            }

            Interlocked.Increment(ref _runs);
            return Task.FromResult(result);
        }
    }
}
