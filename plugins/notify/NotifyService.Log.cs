using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Notify;

internal sealed partial class NotifyService
{
    [LoggerMessage(EventId = NotifyEventIds.Started, Level = LogLevel.Information, Message = "Notify: {Count} handler(s) active")]
    private partial void LogStarted(int count);

    [LoggerMessage(EventId = NotifyEventIds.Reloaded, Level = LogLevel.Information, Message = "Notify: configuration reloaded, {Count} handler(s) active")]
    private partial void LogReloaded(int count);

    [LoggerMessage(EventId = NotifyEventIds.UnknownChannel, Level = LogLevel.Error, Message = "Notify {Handler}: no channel named {Channel} is registered")]
    private partial void LogUnknownChannel(string handler, string channel);

    [LoggerMessage(EventId = NotifyEventIds.FifoScriptEnded, Level = LogLevel.Warning, Message = "notify_fifo_script {Script} ended (exit code {ExitCode}) {Error}")]
    private partial void LogFifoScriptEnded(string script, int? exitCode, string error);

    [LoggerMessage(EventId = NotifyEventIds.ConfigIssue, Level = LogLevel.Error, Message = "Notify configuration: {Issue}")]
    private partial void LogConfigIssue(string issue);
}
