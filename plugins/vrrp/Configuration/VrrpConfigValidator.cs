using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Validates the VRRP sections by reading them with <see cref="VrrpConfigurationReader"/>.</summary>
public sealed class VrrpConfigValidator : IConfigValidator
{
    /// <inheritdoc />
    public void Validate(ClusterConfiguration configuration, ValidationReport report) =>
        VrrpConfigurationReader.Read(configuration, report);
}
