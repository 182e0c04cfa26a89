using Microsoft.Extensions.Logging;

namespace Vigil.TestPlugins.GcPressure;

/// <summary>
/// A background thread that allocates garbage at a given rate, keeping a rolling set of survivors so that gen0, gen1 and
/// gen2 collections all happen; disposing it stops the thread and logs what it did.
/// </summary>
internal sealed partial class GcPressure : IDisposable
{
    private const int SliceMs = 5;
    private const int Survivors = 4096;
    private readonly int _bytesPerSecond;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly int[] _collectionsAtStart;
    private volatile bool _stopping;
    private long _allocated;

    private GcPressure(int megabytesPerSecond, ILogger logger)
    {
        _bytesPerSecond = megabytesPerSecond * 1024 * 1024;
        _logger = logger;
        _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _thread = new Thread(Run) { IsBackground = true, Name = "gc pressure" };
    }

    /// <summary>Starts allocating <paramref name="megabytesPerSecond"/> MB/s.</summary>
    public static GcPressure Start(int megabytesPerSecond, ILogger logger)
    {
        var pressure = new GcPressure(megabytesPerSecond, logger);
        pressure.LogStarted(megabytesPerSecond);
        pressure._thread.Start();
        return pressure;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(1));
        LogStopped(
            Interlocked.Read(ref _allocated) / (1024 * 1024),
            GC.CollectionCount(0) - _collectionsAtStart[0],
            GC.CollectionCount(1) - _collectionsAtStart[1],
            GC.CollectionCount(2) - _collectionsAtStart[2]);
    }

    private void Run()
    {
        // Mixed sizes: small objects fill gen0 quickly; every 64th is kept in a ring, long enough to be promoted to
        // gen1 and gen2 before it is replaced, so older generations fill and get collected too.
        var kept = new object[Survivors];
        var next = 0;
        var perSlice = _bytesPerSecond / (1000 / SliceMs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long slices = 0;
        while (!_stopping)
        {
            var done = 0;
            while (done < perSlice)
            {
                var size = (next & 7) == 0 ? 2048 : 64;
                var garbage = new byte[size];
                done += size + 24;
                if (next % 64 == 0)
                {
                    kept[next / 64 % Survivors] = garbage;
                }

                next++;
            }

            Interlocked.Add(ref _allocated, done);
            slices++;
            var ahead = slices * SliceMs - clock.ElapsedMilliseconds;
            if (ahead > 0)
            {
                Thread.Sleep((int)ahead);
            }
        }
    }
}
