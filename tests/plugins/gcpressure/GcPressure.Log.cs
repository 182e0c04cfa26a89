using Microsoft.Extensions.Logging;

namespace Vigil.TestPlugins.GcPressure;

internal sealed partial class GcPressure
{
    [LoggerMessage(EventId = GcPressureEventIds.Started, Level = LogLevel.Warning, Message = "GC pressure on: allocating {Rate} MB/s")]
    private partial void LogStarted(int rate);

    [LoggerMessage(EventId = GcPressureEventIds.Stopped, Level = LogLevel.Warning, Message = "GC pressure off: allocated {Megabytes} MB; collections gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}")]
    private partial void LogStopped(long megabytes, int gen0, int gen1, int gen2);
}
