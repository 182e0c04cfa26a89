namespace Vigil.Plugins.Notify;

/// <summary>The notify module's log event ids, in one place so they never collide.</summary>
internal static class NotifyEventIds
{
    public const int Delivered = 3000;
    public const int Retrying = 3001;
    public const int Failed = 3002;
    public const int QueueFull = 3003;
    public const int Started = 3010;
    public const int Reloaded = 3011;
    public const int UnknownChannel = 3012;
    public const int FifoScriptEnded = 3013;
    public const int ConfigIssue = 3014;
}
