using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Everything the notify module does, read from one cluster configuration.</summary>
/// <param name="Global">global_defs settings.</param>
/// <param name="Options">notify_options.</param>
/// <param name="Handlers">Every handler: keepalived's (notify scripts, smtp_alert, fifos) and the rules'.</param>
/// <param name="Fifos">Configured notify fifos with their reader scripts.</param>
internal sealed record NotifySettings(
    GlobalNotifySettings Global,
    NotifyOptions Options,
    IReadOnlyList<NotifyHandler> Handlers,
    IReadOnlyList<FifoScript> Fifos);
