using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>The <c>notify_options { … }</c> block: Vigil's own delivery settings.</summary>
/// <param name="QueueSize">Notifications one handler may have waiting; the oldest is dropped beyond. Defaults to 256.</param>
/// <param name="ScriptTimeout">A notify script's whole process group is killed after this. Defaults to 30 s.</param>
/// <param name="Retries">Retries of a failed e-mail or webhook. Defaults to 3; scripts and fifos default to 0.</param>
/// <param name="Backoff">Wait before the first retry, doubled each time. Defaults to 1 s.</param>
/// <param name="MaxBackoff">The longest wait between retries. Defaults to 60 s.</param>
/// <param name="FailuresKept">Failures <c>vigil status</c> lists. Defaults to 20.</param>
/// <param name="EmailThrottle">Coalescing and rate limit of keepalived's own mails. Defaults to none (one mail per transition).</param>
internal sealed record NotifyOptions(
    int QueueSize,
    TimeSpan ScriptTimeout,
    int Retries,
    TimeSpan Backoff,
    TimeSpan MaxBackoff,
    int FailuresKept,
    Throttle EmailThrottle)
{
    public static NotifyOptions Default { get; } = new(256, TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 20, Throttle.None);
}
