namespace Vigil.Abstractions.Notifications;

/// <summary>
/// A way to deliver notifications (script, e-mail, webhook, fifo, …), found by name. The notify module
/// renders a <see cref="Notification"/> and hands it to every channel a rule selects; a plugin ships a
/// new channel by registering an implementation in the container.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's name as rules select it, e.g. <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>Delivers one notification; throws when delivery failed so the caller can retry and count it.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
