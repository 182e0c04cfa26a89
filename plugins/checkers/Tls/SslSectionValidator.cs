using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>Validates the top-level <c>SSL</c> section, files included.</summary>
internal sealed class SslSectionValidator : IConfigValidator
{
    /// <inheritdoc />
    public void Validate(ClusterConfiguration configuration, ValidationReport report) => SslSection.Read(configuration, report);
}
