namespace Vigil.Abstractions.Configuration;

/// <summary>
/// Validates the parts of the cluster configuration a module owns. Modules register validators in
/// the container; the host runs every one of them at start-up, on reload and for <c>vigil check-config</c>,
/// so each validator reports every problem it finds rather than stopping at the first.
/// </summary>
public interface IConfigValidator
{
    /// <summary>Adds every problem found to <paramref name="report"/>.</summary>
    void Validate(ClusterConfiguration configuration, ValidationReport report);
}
