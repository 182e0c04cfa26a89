using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Vrrp.Tracking;

internal sealed partial class ScriptMonitor
{
    [LoggerMessage(EventId = VrrpEventIds.ScriptFailed, Level = LogLevel.Warning, Message = "vrrp_script {Name}: {Error}")]
    private partial void LogScriptFailed(string name, string error);
}
