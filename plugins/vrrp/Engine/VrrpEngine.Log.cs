using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class VrrpEngine
{
    [LoggerMessage(EventId = VrrpEventIds.InstanceStarted, Level = LogLevel.Information, Message = "VRRP {Name} started: {Instances}")]
    private partial void LogInstanceStarted(string name, string instances);

    [LoggerMessage(EventId = VrrpEventIds.InstanceStopped, Level = LogLevel.Information, Message = "VRRP {Name} stopped")]
    private partial void LogInstanceStopped(string name);

    [LoggerMessage(EventId = VrrpEventIds.InstanceFailed, Level = LogLevel.Error, Message = "VRRP {Name} cannot start: {Error}")]
    private partial void LogInstanceFailed(string name, string error);

    [LoggerMessage(EventId = VrrpEventIds.VmacFailed, Level = LogLevel.Warning, Message = "cannot delete VMAC {Name}: {Error}")]
    private partial void LogVmacFailed(string name, string error);
}
