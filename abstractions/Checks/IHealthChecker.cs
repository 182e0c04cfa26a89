using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Checks;

/// <summary>
/// A kind of health check, found by its keepalived keyword (<c>TCP_CHECK</c>, <c>HTTP_GET</c>, <c>SMTP_CHECK</c>).
/// A plugin ships a new checker by registering an implementation in the container from its
/// <see cref="Modules.IClusterModule.Register"/>; no other code changes.
/// </summary>
public interface IHealthChecker
{
    /// <summary>The block keyword inside <c>real_server</c> that selects this checker, e.g. <c>SMTP_CHECK</c>.</summary>
    string Name { get; }

    /// <summary>Reports every problem in one checker block; <paramref name="block"/> is the checker's section.</summary>
    void Validate(IConfigurationSection block, ValidationReport report);

    /// <summary>Builds a check for one real server from a block that passed <see cref="Validate"/>.</summary>
    IHealthCheck Create(IConfigurationSection block, CheckTarget target);
}
