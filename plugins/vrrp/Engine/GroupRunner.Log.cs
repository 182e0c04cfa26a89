using System.Net;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    [LoggerMessage(EventId = VrrpEventIds.Transition, Level = LogLevel.Information, Message = "VRRP_Instance({Instance}) {OldState} -> {NewState}: {Reason}")]
    private partial void LogTransition(string instance, VrrpState oldState, VrrpState newState, string reason);

    [LoggerMessage(EventId = VrrpEventIds.GroupTransition, Level = LogLevel.Information, Message = "VRRP_Group({Group}) {OldState} -> {NewState}: {Reason}")]
    private partial void LogGroupTransition(string group, VrrpState oldState, VrrpState newState, string reason);

    [LoggerMessage(EventId = VrrpEventIds.Rejected, Level = LogLevel.Debug, Message = "VRRP_Instance({Instance}) discarded a packet from {Source}: {Reason}")]
    private partial void LogRejected(string instance, IPAddress source, string reason);

    [LoggerMessage(EventId = VrrpEventIds.SendFailed, Level = LogLevel.Warning, Message = "VRRP_Instance({Instance}) cannot send an advertisement: {Error}")]
    private partial void LogSendFailed(string instance, string error);

    [LoggerMessage(EventId = VrrpEventIds.ReceiveFailed, Level = LogLevel.Warning, Message = "VRRP_Instance({Instance}) cannot receive: {Error}")]
    private partial void LogReceiveFailed(string instance, string error);

    [LoggerMessage(EventId = VrrpEventIds.AddressFailed, Level = LogLevel.Error, Message = "VRRP_Instance({Instance}) cannot {What}: {Error}")]
    private partial void LogAddressFailed(string instance, string what, string error);

    [LoggerMessage(EventId = VrrpEventIds.TrackChanged, Level = LogLevel.Information, Message = "VRRP_Instance({Instance}) {Change}")]
    private partial void LogTrackChanged(string instance, string change);

    [LoggerMessage(EventId = VrrpEventIds.EngineCrashed, Level = LogLevel.Critical, Message = "VRRP thread {Name} failed")]
    private partial void LogEngineCrashed(Exception exception, string name);

    [LoggerMessage(EventId = VrrpEventIds.InstanceStopped, Level = LogLevel.Warning, Message = "VRRP thread {Name} did not stop in time")]
    private partial void LogStopTimedOut(string name);
}
