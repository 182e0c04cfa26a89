using Microsoft.Extensions.Logging;

namespace Vigil.Host.Processes;

internal sealed partial class ScriptRunner
{
    [LoggerMessage(EventId = EventIds.ScriptStartFailed, Level = LogLevel.Warning, Message = "Script {Script} could not start: {Reason}")]
    private partial void LogStartFailed(string script, string reason);

    [LoggerMessage(EventId = EventIds.ScriptTimedOut, Level = LogLevel.Warning, Message = "Script {Script} ran past its timeout of {Seconds} s; killed its process group")]
    private partial void LogTimedOut(string script, double seconds);
}
