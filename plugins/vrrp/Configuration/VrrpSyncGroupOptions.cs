namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A <c>vrrp_sync_group</c> block (its notify keywords belong to the notify module).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Members">The instance names of its <c>group</c> block.</param>
internal sealed record VrrpSyncGroupOptions(string Name, IReadOnlyList<string> Members);
