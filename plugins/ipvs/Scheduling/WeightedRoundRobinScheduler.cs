namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>wrr</c> (ip_vs_wrr.c): passes over the list with a falling current weight <c>cw</c>, from the maximum weight down
/// by the weights' greatest common divisor; each pass takes the servers whose weight reaches <c>cw</c>.
/// </summary>
/// <remarks>
/// As in the kernel, the maximum is lowered by gcd − 1 so that the last pass runs at <c>cw</c> = 1, and a change of the
/// list restarts the walk from the head while keeping <c>cw</c> on the new gcd grid (ip_vs_wrr_dest_changed).
/// </remarks>
public sealed class WeightedRoundRobinScheduler : IScheduler
{
    private const int Head = -1;
    private const int NoStop = -2;

    private readonly Lock _gate = new();
    private IReadOnlyList<SchedulerBackend>? _list;
    private int _current = Head;
    private int _cw;
    private int _mw;
    private int _di;

    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(backends, _list))
            {
                Recompute(backends, initial: _list is null);
                _list = backends;
            }

            return Schedule(backends);
        }
    }

    private void Recompute(IReadOnlyList<SchedulerBackend> backends, bool initial)
    {
        var g = 0;
        var max = 0;
        for (var i = 0; i < backends.Count; i++)
        {
            var weight = backends[i].Weight;
            if (weight > 0)
            {
                g = g > 0 ? SchedulerMath.Gcd(weight, g) : weight;
            }

            max = Math.Max(max, weight);
        }

        _current = Head;
        _di = g > 0 ? g : 1;
        _mw = max - (_di - 1);
        if (initial || _cw > _mw || _cw == 0)
        {
            _cw = _mw;
        }
        else if (_di > 1)
        {
            _cw = (_cw / _di * _di) + 1;
        }
    }

    private SchedulerBackend? Schedule(IReadOnlyList<SchedulerBackend> backends)
    {
        var dest = _current;
        if (_mw == 0)
        {
            return null;
        }

        var last = dest;
        var stop = NoStop;
        var lastPass = false;
        var restarted = false;
        while (true)
        {
            for (dest++; dest < backends.Count; dest++)
            {
                if (backends[dest].Weight >= _cw)
                {
                    _current = dest;
                    return backends[dest];
                }

                if (dest == stop)
                {
                    _current = dest;
                    return null;
                }
            }

            dest = Head;
            _cw -= _di;
            if (_cw <= 0)
            {
                _cw = _mw;
                if (lastPass || last == Head)
                {
                    _current = dest;
                    return null;
                }

                restarted = true;
            }

            lastPass = _cw <= _di;
            if (lastPass && restarted && last != Head)
            {
                stop = last;
            }
        }
    }
}
