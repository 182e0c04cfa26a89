using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>
/// The <see cref="TlsTrust"/> of the configuration being applied: the checkers module sets it before creating checks,
/// because a checker block cannot see the top-level <c>SSL</c> section it depends on.
/// </summary>
public sealed class TlsTrustSource
{
    /// <summary>The trust SSL_GET checks created now use. Defaults to none (keepalived's: no verification).</summary>
    internal TlsTrust Current { get; private set; } = TlsTrust.None;

    /// <summary>Reads the <c>SSL</c> section of <paramref name="configuration"/>, which validation has already passed.</summary>
    public void Apply(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Current = SslSection.Read(configuration, new ValidationReport(configuration.Locator));
    }
}
