using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>One route from events to a channel: keepalived's notify_master on VI_1, an smtp_alert, or a notify_rule's channel.</summary>
/// <param name="Id">A name for logs, metrics and status (<c>vrrp_instance VI_1 notify_master</c>, <c>notify_rule r1 webhook:ops</c>).</param>
/// <param name="Channel">The channel's name (<c>script</c>, <c>email</c>, <c>webhook</c>, <c>fifo</c>, or a plugin's).</param>
/// <param name="Filter">Which events it takes.</param>
/// <param name="Target">The rendered notification's target: a script line, recipients, a URL, a fifo path.</param>
/// <param name="Templates">What it renders.</param>
/// <param name="Headers">Header templates (webhooks).</param>
/// <param name="Policy">Timeout and retries.</param>
/// <param name="Throttle">Coalescing and rate limit.</param>
/// <param name="Lane">Handlers with the same lane deliver one at a time, in event order; null gives the handler its own.</param>
internal sealed record NotifyHandler(
    string Id,
    string Channel,
    EventFilter Filter,
    string Target,
    TemplateSet Templates,
    IReadOnlyDictionary<string, CompiledTemplate> Headers,
    DeliveryPolicy Policy,
    Throttle Throttle,
    string? Lane = null);
