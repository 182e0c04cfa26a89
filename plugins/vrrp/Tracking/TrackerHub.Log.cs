using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Vrrp.Tracking;

internal sealed partial class TrackerHub
{
    [LoggerMessage(EventId = VrrpEventIds.LinkMonitorFailed, Level = LogLevel.Error, Message = "link monitor: {Error}")]
    private partial void LogLinkMonitorFailed(string error);
}
