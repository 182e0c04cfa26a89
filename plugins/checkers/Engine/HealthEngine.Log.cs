using Microsoft.Extensions.Logging;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>The engine's log messages.</summary>
internal sealed partial class HealthEngine
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Information, Message = "{Checker} of real server {RealServer} in {VirtualServer} started, probing {Target}")]
    private partial void LogCheckAdded(string checker, RealServerKey realServer, VirtualServerKey virtualServer, string target);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "{Checker} of real server {RealServer} in {VirtualServer} removed")]
    private partial void LogCheckRemoved(string checker, RealServerKey realServer, VirtualServerKey virtualServer);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "{Checker} of real server {RealServer} in {VirtualServer} failed: {Detail}")]
    private partial void LogFailure(string checker, RealServerKey realServer, VirtualServerKey virtualServer, string detail);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Debug, Message = "{Checker} of real server {RealServer} in {VirtualServer} failed: {Detail} (retry {Retry})")]
    private partial void LogFailureQuiet(string checker, RealServerKey realServer, VirtualServerKey virtualServer, string detail, int retry);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Warning, Message = "Real server {RealServer} in {VirtualServer} is {State} ({Checker}: {Reason})")]
    private partial void LogServerChanged(RealServerKey realServer, VirtualServerKey virtualServer, string state, string checker, string reason);

    [LoggerMessage(EventId = 9505, Level = LogLevel.Error, Message = "{Checker} of real server {RealServer} threw instead of returning a result")]
    private partial void LogProbeThrew(Exception exception, string checker, RealServerKey realServer);

    [LoggerMessage(EventId = 9506, Level = LogLevel.Warning, Message = "{Checker} of real server {RealServer} failed to release its resources")]
    private partial void LogDisposeFailed(Exception exception, string checker, RealServerKey realServer);
}
