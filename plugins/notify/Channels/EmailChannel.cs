using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Vigil.Abstractions.Notifications;
using Vigil.Plugins.Notify.Configuration;
using Vigil.Plugins.Notify.Delivery;

namespace Vigil.Plugins.Notify.Channels;

/// <summary>
/// Sends mail as keepalived's smtp.c does (HELO smtp_helo_name, From notification_email_from, one RCPT per
/// address, <c>X-Mailer: Keepalived</c>, plain text), through MailKit. The target is the comma-separated recipients.
/// </summary>
internal sealed class EmailChannel(NotifySettingsHolder settings, TimeProvider time) : INotificationChannel
{
    public string Name => ChannelNames.Email;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var smtp = settings.Current.Global.Smtp;
        if (smtp.Server is null)
        {
            throw new NotificationDeliveryException("no smtp_server configured");
        }

        var message = new MimeMessage { Subject = notification.Subject, Date = time.GetLocalNow() };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var address in notification.Target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Headers.Add("X-Mailer", "Keepalived");
        message.Body = new TextPart("plain") { Text = notification.Body };

        using var client = new SmtpClient { LocalDomain = smtp.HeloName, Timeout = (int)smtp.ConnectTimeout.TotalMilliseconds };
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(smtp.ConnectTimeout);
                try
                {
                    await client.ConnectAsync(smtp.Server, smtp.Port, SecureSocketOptions.None, connect.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new NotificationDeliveryException($"timeout connecting SMTP server {smtp.Server}:{smtp.Port}");
                }
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or SmtpCommandException or SmtpProtocolException)
        {
            throw new NotificationDeliveryException($"SMTP server {smtp.Server}:{smtp.Port}: {e.Message}", e);
        }
    }
}
