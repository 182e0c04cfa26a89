namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A <c>vrrp_sync_group</c> block.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Members">The instance names of its <c>group</c> block.</param>
/// <param name="Notify">notify_master/backup/fault/stop/notify strings by keyword.</param>
/// <param name="SmtpAlert">smtp_alert.</param>
internal sealed record VrrpSyncGroupOptions(string Name, IReadOnlyList<string> Members, IReadOnlyDictionary<string, string> Notify, bool SmtpAlert = false);
