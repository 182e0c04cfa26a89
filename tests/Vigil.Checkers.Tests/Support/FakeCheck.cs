using Vigil.Abstractions.Checks;

namespace Vigil.Checkers.Tests.Support;

/// <summary>A probe that answers healthy or not as the test sets it, and counts its probes.</summary>
internal sealed class FakeCheck(string id) : IHealthCheck
{
    private int _probes;
    private int _disposals;

    public string Id => id;

    /// <summary>What the next probes answer.</summary>
    public volatile bool Healthy = true;

    /// <summary>When set, probes wait for it (or for cancellation) before answering.</summary>
    public volatile TaskCompletionSource? Hold;

    public CheckFailureKind Failure { get; set; } = CheckFailureKind.Refused;

    public int? Weight { get; set; }

    public int Probes => Volatile.Read(ref _probes);

    public int Disposals => Volatile.Read(ref _disposals);

    public CheckSettings? Settings { get; private set; }

    public void Created(CheckSettings settings) => Settings = settings;

    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return Healthy ? CheckResult.Pass(weight: Weight) : CheckResult.Fail(Failure, $"{id} failed");
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref _disposals);
        return ValueTask.CompletedTask;
    }
}
