namespace Vigil.Plugins.Notify.Configuration;

/// <summary>What <c>global_defs</c> says about notifications.</summary>
/// <param name="RouterId">router_id (read, not owned), the host name when unset; it heads every mail subject.</param>
/// <param name="Host">This machine's host name.</param>
/// <param name="Smtp">E-mail settings.</param>
/// <param name="SmtpAlert">smtp_alert: the default for instances, groups and checkers.</param>
/// <param name="SmtpAlertVrrp">smtp_alert_vrrp: overrides <paramref name="SmtpAlert"/> for instances and groups.</param>
/// <param name="SmtpAlertChecker">smtp_alert_checker: overrides it for real and virtual servers.</param>
/// <param name="NoEmailFaults">no_email_faults: no mail on entering FAULT.</param>
/// <param name="ScriptSecurity">enable_script_security.</param>
/// <param name="ScriptUser">script_user: scripts run as this user; null keeps the daemon's.</param>
internal sealed record GlobalNotifySettings(
    string RouterId,
    string Host,
    SmtpSettings Smtp,
    bool SmtpAlert,
    bool? SmtpAlertVrrp,
    bool? SmtpAlertChecker,
    bool NoEmailFaults,
    bool ScriptSecurity,
    string? ScriptUser);
