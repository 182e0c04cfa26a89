using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>Validates <c>virtual_server</c>, <c>virtual_server_group</c> and <c>data_plane</c> for <c>vigil check-config</c>, start and reload.</summary>
public sealed class VirtualServerValidator(IEnumerable<IHealthChecker> checkers) : IConfigValidator
{
    /// <inheritdoc />
    public void Validate(ClusterConfiguration configuration, ValidationReport report) =>
        VirtualServerConfigReader.Read(configuration, report, checkers);
}
