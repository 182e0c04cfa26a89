using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Notify.Delivery;

internal sealed partial class HandlerLane
{
    [LoggerMessage(EventId = NotifyEventIds.Delivered, Level = LogLevel.Debug, Message = "Notify {Handler}: delivered {Event}")]
    private static partial void LogDelivered(ILogger logger, string handler, string @event);

    [LoggerMessage(EventId = NotifyEventIds.Retrying, Level = LogLevel.Warning, Message = "Notify {Handler}: attempt {Attempt} for {Event} failed ({Error}); retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string handler, string @event, int attempt, string error, double seconds);

    [LoggerMessage(EventId = NotifyEventIds.Failed, Level = LogLevel.Error, Message = "Notify {Handler}: gave up on {Event} after {Attempts} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, string handler, string @event, int attempts, string error);

    [LoggerMessage(EventId = NotifyEventIds.QueueFull, Level = LogLevel.Warning, Message = "Notify {Handler}: queue full, dropped the oldest notification")]
    private static partial void LogQueueFull(ILogger logger, string handler);
}
