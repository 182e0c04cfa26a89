using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>One <c>notify_webhook NAME { … }</c>.</summary>
/// <param name="Name">Its name, as rules select it (<c>webhook:NAME</c>).</param>
/// <param name="Url">Where to POST.</param>
/// <param name="Headers">Header name to value template.</param>
/// <param name="Templates">Its own templates (payload, subject, body); a rule's override them.</param>
/// <param name="Policy">Timeout and retries.</param>
internal sealed record WebhookSettings(
    string Name,
    Uri Url,
    IReadOnlyDictionary<string, CompiledTemplate> Headers,
    TemplateSet Templates,
    DeliveryPolicy Policy);
