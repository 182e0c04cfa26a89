using System.Net.Http.Headers;
using System.Text;
using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Delivery;

namespace Vigil.Plugins.Notify.Channels;

/// <summary>POSTs the rendered payload to the target URL with the rendered headers; anything but 2xx is a failure.</summary>
internal sealed class WebhookChannel : INotificationChannel, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        // The delivery lane enforces each webhook's own timeout.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public string Name => ChannelNames.Webhook;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, notification.Target);
        var mediaType = "application/json";
        foreach (var (name, value) in notification.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                mediaType = value;
            }
            else if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                throw new NotificationDeliveryException($"header {name} cannot be sent");
            }
        }

        request.Content = new StringContent(notification.Body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(mediaType, out var parsed)
            ? parsed
            : new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationDeliveryException($"{notification.Target} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new NotificationDeliveryException($"{notification.Target}: {e.Message}", e);
        }
    }

    public void Dispose() => _client.Dispose();
}
