using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Rules;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>Renders a handler's templates for one item into the <see cref="Notification"/> its channel delivers.</summary>
internal static class NotificationRenderer
{
    public static Notification Render(NotifyHandler handler, DeliveryItem item, string host, string routerId)
    {
        var model = NotificationModel.Build(item.Event, new ModelContext(host, routerId, item.Coalesced, item.Suppressed));
        var templates = handler.Templates;
        var subject = templates.Subject?.Render(model) ?? "";
        var body = templates.Body?.Render(model) ?? "";
        model["subject"] = subject;
        model["body"] = body;
        var payload = templates.Payload?.Render(model);
        var arguments = templates.Arguments?.Render(model) ?? [];
        var headers = handler.Headers.ToDictionary(
            h => h.Key,
            h => h.Value.Render(model).ReplaceLineEndings(" "),
            StringComparer.OrdinalIgnoreCase);
        return new Notification(item.Event, handler.Target, subject, payload ?? body, arguments, headers);
    }
}
