using Microsoft.Extensions.Logging;

namespace Vigil.Host.Runtime;

internal sealed partial class VigilRuntime
{
    [LoggerMessage(EventId = EventIds.ModuleLoaded, Level = LogLevel.Information, Message = "Loaded module {Module} from {Path}")]
    private partial void LogModuleLoaded(string module, string path);

    [LoggerMessage(EventId = EventIds.ModuleStarting, Level = LogLevel.Debug, Message = "Starting module {Module}")]
    private partial void LogModuleStarting(string module);

    [LoggerMessage(EventId = EventIds.ModuleStarted, Level = LogLevel.Information, Message = "Module {Module} started")]
    private partial void LogModuleStarted(string module);

    [LoggerMessage(EventId = EventIds.ModuleFailed, Level = LogLevel.Critical, Message = "Module {Module} failed to start")]
    private partial void LogModuleFailed(Exception error, string module);

    [LoggerMessage(EventId = EventIds.ModuleStopping, Level = LogLevel.Information, Message = "Stopping module {Module}")]
    private partial void LogModuleStopping(string module);

    [LoggerMessage(EventId = EventIds.ModuleStopFailed, Level = LogLevel.Error, Message = "Module {Module} failed to stop cleanly")]
    private partial void LogModuleStopFailed(Exception error, string module);

    [LoggerMessage(EventId = EventIds.ConfigIssue, Message = "{Issue}")]
    private partial void LogConfigIssue(LogLevel level, string issue);

    [LoggerMessage(EventId = EventIds.ConfigLoaded, Level = LogLevel.Information, Message = "Configuration loaded from {Files}")]
    private partial void LogConfigLoaded(string files);

    [LoggerMessage(EventId = EventIds.ReloadRequested, Level = LogLevel.Information, Message = "Reloading configuration from {File}")]
    private partial void LogReloadRequested(string file);

    [LoggerMessage(EventId = EventIds.ReloadRejected, Level = LogLevel.Error, Message = "Reload rejected, keeping the running configuration: {Issue}")]
    private partial void LogReloadRejected(string issue);

    [LoggerMessage(EventId = EventIds.ReloadFailed, Level = LogLevel.Error, Message = "Module {Module} failed to apply the new configuration")]
    private partial void LogReloadFailed(Exception error, string module);

    [LoggerMessage(EventId = EventIds.ReloadApplied, Level = LogLevel.Information, Message = "Configuration reloaded from {Files}")]
    private partial void LogReloadApplied(string files);
}
