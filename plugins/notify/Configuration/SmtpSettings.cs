namespace Vigil.Plugins.Notify.Configuration;

/// <summary>keepalived's global e-mail settings.</summary>
/// <param name="Server">smtp_server's host. Defaults to none: no e-mail is sent.</param>
/// <param name="Port">smtp_server's port. Defaults to 25.</param>
/// <param name="From">notification_email_from. Defaults to <c>keepalived@HOST</c>, as keepalived does.</param>
/// <param name="HeloName">smtp_helo_name. Defaults to the host name.</param>
/// <param name="ConnectTimeout">smtp_connect_timeout. Defaults to 30 s.</param>
/// <param name="Recipients">notification_email.</param>
internal sealed record SmtpSettings(
    string? Server,
    int Port,
    string From,
    string HeloName,
    TimeSpan ConnectTimeout,
    IReadOnlyList<string> Recipients)
{
    /// <summary>True when keepalived would send mail: a server and at least one recipient.</summary>
    public bool CanSend => Server is not null && Recipients.Count > 0;
}
