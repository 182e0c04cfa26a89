namespace Vigil.Plugins.Notify.Delivery;

/// <summary>A channel could not deliver (the script failed, the server refused); the message is what status shows.</summary>
public sealed class NotificationDeliveryException : Exception
{
    /// <summary>Creates the exception with a message for logs and status.</summary>
    public NotificationDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NotificationDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
