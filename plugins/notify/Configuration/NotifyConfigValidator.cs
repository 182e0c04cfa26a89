using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Notifications;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Checks the notify keys for <c>vigil check-config</c>, start-up and reload: script lines, templates, rules, webhooks.</summary>
internal sealed class NotifyConfigValidator(IEnumerable<INotificationChannel> channels) : IConfigValidator
{
    private readonly IReadOnlySet<string> _channels = channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    public void Validate(ClusterConfiguration configuration, ValidationReport report) =>
        NotifyConfigReader.Read(configuration, Environment.MachineName, _channels, report);
}
