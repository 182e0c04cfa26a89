using System.Text;
using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>The names rules and templates use for bus events (<c>vrrp_instance</c>, <c>real_server</c>, …).</summary>
internal static class EventKinds
{
    public const string VrrpInstance = "vrrp_instance";
    public const string VrrpSyncGroup = "vrrp_sync_group";
    public const string RealServer = "real_server";
    public const string VirtualServer = "virtual_server";

    /// <summary>The kinds keepalived itself notifies about.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        VrrpInstance, VrrpSyncGroup, RealServer, VirtualServer,
    };

    /// <summary>
    /// The kind of <paramref name="evt"/>. Events other modules add later get the snake_case form of their
    /// type's name (<c>ConfigurationReloaded</c> becomes <c>configuration_reloaded</c>), so rules can select them unchanged.
    /// </summary>
    public static string Of(ClusterEvent evt) => evt switch
    {
        VrrpStateChanged => VrrpInstance,
        VrrpSyncGroupStateChanged => VrrpSyncGroup,
        RealServerStateChanged => RealServer,
        VirtualServerQuorumChanged => VirtualServer,
        _ => SnakeCase(evt.GetType().Name),
    };

    /// <summary><c>EffectivePriority</c> becomes <c>effective_priority</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
